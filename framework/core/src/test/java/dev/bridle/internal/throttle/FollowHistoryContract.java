package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@link FollowHistory} does; each store's test extends it. */
abstract class FollowHistoryContract {

    abstract FollowHistory history();

    @Test
    void itKeepsTheLatestFollowAndUnfollowPerAccountAndUser() {
        FollowHistory history = history();
        assertThat(history.latest("acme_news", "42")).isEqualTo(FollowHistory.Latest.NONE);

        history.recordFollow("acme_news", "42", T0);
        history.recordUnfollow("acme_news", "42", T0.plus(Duration.ofDays(4)));
        history.recordFollow("acme_news", "42", T0.plus(Duration.ofDays(12)));
        history.recordFollow("acme_news", "42", T0.plus(Duration.ofDays(1))); // an older one arriving late

        assertThat(history.latest("@ACME_news", "42"))
                .isEqualTo(new FollowHistory.Latest(T0.plus(Duration.ofDays(12)), T0.plus(Duration.ofDays(4))));
        assertThat(history.latest("acme_news", "43")).isEqualTo(FollowHistory.Latest.NONE);
        assertThat(history.latest("beta_news", "42")).isEqualTo(FollowHistory.Latest.NONE);
    }

    @Test
    void timesAreKeptToTheMillisecond() {
        FollowHistory history = history();
        history.recordFollow("acme_news", "42", T0.plusNanos(1_234_567));
        assertThat(history.latest("acme_news", "42").followed()).isEqualTo(T0.plusMillis(1));
    }
}
