package dev.bridle.internal.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Two nodes on one PostgreSQL store: a change on one reaches the other's cache through NOTIFY, not by expiry. */
@PostgresTest
class ChangeFeedTest {

    @Test
    void aChangeOnOneNodeReachesTheOthersSubscribersAtOnce(StoreConfig store) throws Exception {
        try (Database one = Database.open(store);
                Database two = Database.open(store)) {
            List<String> seen = new CopyOnWriteArrayList<>();
            two.changes().subscribe("bridle_test", seen::add);

            waitFor(() -> {
                one.changes().publish("bridle_test", "42");
                return seen.contains("42");
            });
        }
    }

    /**
     * Found in a clean-clone run: a channel subscribed after the listener had started was never listened to, and a
     * change published before a channel's LISTEN left a cache stale for its whole time to live. Cause: LISTEN ran once
     * per connection, for the channels known then, and only a reconnection reset the caches.
     */
    @Test
    void aChannelSubscribedAfterTheFeedStartedHearsOtherNodesToo(StoreConfig store) throws Exception {
        try (Database one = Database.open(store);
                Database two = Database.open(store)) {
            List<String> first = new CopyOnWriteArrayList<>();
            two.changes().subscribe("bridle_first", first::add);
            waitFor(() -> {
                one.changes().publish("bridle_first", "1");
                return first.contains("1");
            });
            List<String> later = new CopyOnWriteArrayList<>();
            two.changes().subscribe("bridle_later", later::add);

            waitFor(() -> {
                one.changes().publish("bridle_later", "2");
                return later.contains("2");
            });
            assertThat(later)
                    .as("told to start afresh when it began to be listened to")
                    .startsWith((String) null);
        }
    }

    @Test
    void aConsentGrantedOnOneNodeIsSeenOnAnotherBeforeItsCacheWouldExpire(StoreConfig store) throws Exception {
        MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T09:00:00Z"));
        ConsentSettings longCache = ConsentSettings.defaults("acme-dev").withCacheTtl(Duration.ofHours(1));
        try (Database one = Database.open(store);
                Database two = Database.open(store)) {
            one.migrate();
            ConsentRegistry first = new ConsentRegistry(one, clock, longCache);
            ConsentRegistry second = new ConsentRegistry(two, clock, longCache);
            assertThat(second.cachedState("2001")
                            .coverage(ConsentScope.DM, "acme_news", clock.instant(), null)
                            .covered())
                    .as("cached: no consent")
                    .isFalse();

            first.grant(
                    ConsentGrant.of("2001", EnumSet.of(ConsentScope.DM), Evidence.reference(Channel.API, "form 7")));

            waitFor(() -> second.cachedState("2001")
                    .coverage(ConsentScope.DM, "acme_news", clock.instant(), null)
                    .covered());
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 10 s").isLessThan(deadline);
            synchronized (condition) {
                condition.wait(20);
            }
        }
    }
}
