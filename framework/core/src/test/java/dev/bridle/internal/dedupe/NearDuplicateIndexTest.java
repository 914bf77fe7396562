package dev.bridle.internal.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {

    static final String RELEASE =
            "Acme 2.4.0 is out: offline editing with conflict-free merges. Full notes: https://acme.io/releases/2.4.0";
    static final String RELEASE_EVADED =
            "@someone Аcmе 2.4.0 is out 🚀: offline\u200B editing with conflict-free merges!! Notes: https://bit.ly/3xYz9";
    static final String OTHER_RELEASE =
            "Acme 2.5.0 is out: a plugin API and search that is twice as fast. Full notes: https://acme.io/releases/2.5.0";

    final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T09:00:00Z"));
    NearDuplicateIndex index = new NearDuplicateIndex(DuplicatePolicy.defaults(), 1000, clock);

    StoredPost post(String account, String text) {
        return post(account, Channel.PUBLIC, text);
    }

    StoredPost post(String account, Channel channel, String text) {
        return new StoredPost(UUID.randomUUID(), account, channel, Fingerprint.of(text), clock.instant(), null);
    }

    @Test
    void anExactDuplicateFromAnotherAccountIsRefusedNamingTheEarlierPost() {
        StoredPost first = post("acme_news", RELEASE);
        assertThat(index.reserve(first)).isInstanceOf(ReserveResult.Reserved.class);
        index.confirm(first.requestId(), "1790000000000000001");

        ReserveResult second = index.reserve(post("acme_deals", RELEASE));

        assertThat(second).isInstanceOfSatisfying(ReserveResult.Refused.class, r -> {
            assertThat(r.match().exact()).isTrue();
            assertThat(r.match().sameAccount()).isFalse();
            assertThat(r.match().earlier().requestId()).isEqualTo(first.requestId());
            assertThat(r.match().earlier().account()).isEqualTo("acme_news");
            assertThat(r.match().earlier().platformId()).isEqualTo("1790000000000000001");
        });
    }

    @Test
    void platformIdsOfAnyFormAreKept() {
        for (String id : List.of(
                "1", "1790000000000000001", "9223372036854775807", "9223372036854775808", "0042", "dm-77", "")) {
            StoredPost p = post("acme_news", "text number " + id.hashCode());
            index.reserve(p);
            index.confirm(p.requestId(), id);
            List<StoredPost> seen = new ArrayList<>();
            index.forEach(seen::add);
            assertThat(seen)
                    .filteredOn(s -> s.requestId().equals(p.requestId()))
                    .singleElement()
                    .extracting(StoredPost::platformId)
                    .isEqualTo(id);
        }
    }

    @Test
    void anEvadedCopyFromAnotherAccountIsRefusedAsANearDuplicate() {
        index.reserve(post("acme_news", RELEASE));

        ReserveResult r = index.reserve(post("acme_deals", RELEASE_EVADED));

        assertThat(r).isInstanceOfSatisfying(ReserveResult.Refused.class, refused -> {
            assertThat(refused.match().exact()).isFalse();
            assertThat(refused.match().score()).isGreaterThanOrEqualTo(Similarity.DEFAULT_THRESHOLD);
        });
    }

    @Test
    void withinOneAccountExactRepeatsAreRefusedButNearOnesAllowedByDefault() {
        index.reserve(post("acme_news", RELEASE));

        assertThat(index.reserve(post("acme_news", RELEASE)))
                .isInstanceOfSatisfying(
                        ReserveResult.Refused.class,
                        r -> assertThat(r.match().sameAccount()).isTrue());
        assertThat(index.reserve(post("acme_news", RELEASE_EVADED))).isInstanceOf(ReserveResult.Reserved.class);
        assertThat(index.reserve(post("acme_news", OTHER_RELEASE))).isInstanceOf(ReserveResult.Reserved.class);
    }

    @Test
    void nearRepeatsWithinOneAccountAreRefusedWhenThePolicySays() {
        index = new NearDuplicateIndex(DuplicatePolicy.defaults().denyNearDuplicatesWithinAccount(true), 1000, clock);
        index.reserve(post("acme_news", RELEASE));

        assertThat(index.reserve(post("acme_news", RELEASE_EVADED))).isInstanceOf(ReserveResult.Refused.class);
    }

    @Test
    void templatedPostsWithDifferentFactsPass() {
        index.reserve(post("acme_news", RELEASE));

        assertThat(index.reserve(post("acme_deals", OTHER_RELEASE))).isInstanceOf(ReserveResult.Reserved.class);
    }

    @Test
    void directMessagesAreComparedOnlyWithDirectMessages() {
        index.reserve(post("acme_news", Channel.PUBLIC, RELEASE));

        assertThat(index.reserve(post("acme_help", Channel.DIRECT, RELEASE)))
                .isInstanceOf(ReserveResult.Reserved.class);
        assertThat(index.reserve(post("acme_help", Channel.DIRECT, RELEASE))).isInstanceOf(ReserveResult.Refused.class);
    }

    @Test
    void postsLeaveTheWindowAtItsEdge() {
        index.reserve(post("acme_news", RELEASE));

        clock.advance(Duration.ofDays(30).minusMillis(1));
        assertThat(index.reserve(post("acme_deals", RELEASE))).isInstanceOf(ReserveResult.Refused.class);

        clock.advance(Duration.ofMillis(1));
        assertThat(index.reserve(post("acme_deals", RELEASE))).isInstanceOf(ReserveResult.Reserved.class);
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void aReleasedReservationFreesTheText() {
        StoredPost first = post("acme_news", RELEASE);
        index.reserve(first);

        assertThat(index.release(first.requestId())).isTrue();

        assertThat(index.reserve(post("acme_deals", RELEASE))).isInstanceOf(ReserveResult.Reserved.class);
        assertThat(index.release(first.requestId())).isFalse();
    }

    @Test
    void aReservationThatArrivesAfterItsReleaseIsWithdrawn() {
        StoredPost late = post("acme_news", RELEASE);

        index.release(late.requestId());

        assertThat(index.reserve(late)).isInstanceOf(ReserveResult.Withdrawn.class);
        assertThat(index.contains(late.requestId())).isFalse();
    }

    @Test
    void aCopyFromTheStoreGivesWayWhenTheSameRequestReservesHere() {
        StoredPost copied = post("acme_news", RELEASE);
        index.add(copied);

        assertThat(index.reserve(copied)).isInstanceOf(ReserveResult.Reserved.class);
        assertThat(index.size()).isEqualTo(1);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> index.reserve(copied)))
                .as("reserved here twice without a release")
                .hasMessageContaining("already reserved");
    }

    @Test
    void forgettingAReleaseRemovesACopyButNotAReservationMadeHere() {
        StoredPost copied = post("acme_news", RELEASE);
        StoredPost own = post("acme_deals", OTHER_RELEASE);
        index.add(copied);
        index.reserve(own);

        assertThat(index.forget(copied.requestId())).isTrue();
        assertThat(index.forget(own.requestId())).isFalse();
        assertThat(index.contains(copied.requestId())).isFalse();
        assertThat(index.contains(own.requestId())).isTrue();
    }

    @Test
    void aRequestReleasedHereIsCopiedAgainOnceItsReleaseIsForgotten() {
        StoredPost p = post("acme_news", RELEASE);
        index.reserve(p);
        index.release(p.requestId());
        assertThat(index.add(p))
                .as("the store still showed the row: not added back")
                .isFalse();

        index.forget(p.requestId()); // the store's record of the release, read in order
        boolean reservedElsewhere = index.add(p);

        assertThat(reservedElsewhere).isTrue();
    }

    @Test
    void theCapEvictsTheOldestAndCountsIt() {
        index = new NearDuplicateIndex(DuplicatePolicy.defaults(), 3, clock);
        StoredPost oldest = post("a", "one fish");
        index.reserve(oldest);
        index.reserve(post("a", "two fish"));
        index.reserve(post("a", "red fish"));

        index.reserve(post("a", "blue fish"));

        assertThat(index.size()).isEqualTo(3);
        assertThat(index.evictions()).isEqualTo(1);
        assertThat(index.contains(oldest.requestId())).isFalse();
    }

    @Test
    void addIgnoresPostsOutsideTheWindowAndOnesAlreadyHeld() {
        StoredPost old = new StoredPost(
                UUID.randomUUID(),
                "a",
                Channel.PUBLIC,
                Fingerprint.of(RELEASE),
                clock.instant().minus(Duration.ofDays(31)),
                "1");
        StoredPost recent = post("a", RELEASE);

        assertThat(index.add(old)).isFalse();
        assertThat(index.add(recent)).isTrue();
        assertThat(index.add(recent)).isFalse();
        assertThat(index.size()).isEqualTo(1);
    }

    @Test
    void ofManyThreadsReservingTheSameTextAtOnceExactlyOnePasses() throws Exception {
        for (String[] texts : new String[][] {{RELEASE, RELEASE}, {RELEASE, RELEASE_EVADED}}) {
            index = new NearDuplicateIndex(DuplicatePolicy.defaults(), 1000, clock);
            int threads = 8;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<ReserveResult>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                StoredPost p = post("account_" + t, texts[t % 2]);
                results.add(pool.submit(() -> {
                    start.await();
                    return index.reserve(p);
                }));
            }
            start.countDown();
            int reserved = 0;
            for (Future<ReserveResult> f : results) {
                reserved += f.get() instanceof ReserveResult.Reserved ? 1 : 0;
            }
            pool.shutdown();
            assertThat(reserved).isEqualTo(1);
        }
    }

    /** Random reserves, adds, releases, confirms and clock moves, checked against a plain map. */
    @Test
    void staysConsistentWithASimpleModelUnderChurn() {
        Random rnd = new Random(5);
        index = new NearDuplicateIndex(DuplicatePolicy.defaults().withWindow(Duration.ofHours(10)), 500, clock);
        Map<UUID, Long> model = new HashMap<>();
        List<UUID> ids = new ArrayList<>();
        for (int step = 0; step < 20_000; step++) {
            int op = rnd.nextInt(10);
            if (op < 5) {
                StoredPost p = new StoredPost(
                        UUID.randomUUID(),
                        "acct" + rnd.nextInt(5),
                        Channel.PUBLIC,
                        Fingerprint.of("post number " + rnd.nextInt(100_000) + " about " + rnd.nextInt(50) + " things"),
                        clock.instant(),
                        null);
                if (index.reserve(p) instanceof ReserveResult.Reserved) {
                    model.put(p.requestId(), clock.millis());
                    ids.add(p.requestId());
                }
            } else if (op < 8 && !ids.isEmpty()) {
                UUID id = ids.get(rnd.nextInt(ids.size()));
                assertThat(index.release(id)).isEqualTo(model.remove(id) != null);
            } else if (op < 9 && !ids.isEmpty()) {
                UUID id = ids.get(rnd.nextInt(ids.size()));
                assertThat(index.confirm(id, Long.toString(1 + rnd.nextInt(1_000_000))))
                        .isEqualTo(model.containsKey(id));
            } else {
                clock.advance(Duration.ofMinutes(rnd.nextInt(30)));
            }
            long cutoff = clock.millis() - Duration.ofHours(10).toMillis();
            index.expire();
            model.values().removeIf(at -> at <= cutoff);
            if (model.size() > 500) {
                throw new AssertionError("model larger than the cap; the test should keep below it");
            }
            if (step % 1000 == 0) {
                for (UUID id : ids) {
                    assertThat(index.contains(id)).as("step %d", step).isEqualTo(model.containsKey(id));
                }
                assertThat(index.size()).isEqualTo(model.size());
            }
        }
    }
}
