package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OpenResourcesTest {

    private final List<String> closed = new ArrayList<>();

    @Test
    void closesInTheReverseOrderOfOpening() {
        OpenResources resources = new OpenResources();
        resources.track(() -> closed.add("store"));
        resources.track(() -> closed.add("ledger"));
        resources.track(() -> closed.add("scheduler"));

        resources.close();

        assertThat(closed).containsExactly("scheduler", "ledger", "store");
    }

    @Test
    void aPartThatFailsToCloseDoesNotKeepTheOthersOpen() {
        OpenResources resources = new OpenResources();
        resources.track(() -> closed.add("store"));
        resources.track(() -> {
            throw new IllegalStateException("stuck");
        });
        resources.track(() -> closed.add("scheduler"));

        resources.close();

        assertThat(closed).containsExactly("scheduler", "store");
    }

    @Test
    void closingTwiceClosesOnce() {
        OpenResources resources = new OpenResources();
        resources.track(() -> closed.add("store"));

        resources.close();
        resources.close();

        assertThat(closed).containsExactly("store");
    }
}
