package dev.bridle.internal.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link PostFingerprintStore} database must do. A subclass per database supplies a migrated, empty
 * {@link DataSource}: {@link H2PostFingerprintStoreTest} and {@link PostgresPostFingerprintStoreTest}.
 */
abstract class PostFingerprintStoreContract {

    static final Duration WINDOW = Duration.ofDays(30);
    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    /** Opens a migrated database with empty dedupe tables; called before each test. */
    protected abstract DataSource openDataSource() throws Exception;

    /** Closes what {@link #openDataSource} opened; called after each test. */
    protected abstract void closeDataSource() throws Exception;

    DataSource dataSource;
    PostFingerprintStore store;

    @BeforeEach
    void openStore() throws Exception {
        dataSource = openDataSource();
        store = new JdbcPostFingerprintStore(dataSource);
    }

    /** One node's store on the shared database: each node has its own. */
    JdbcPostFingerprintStore node() {
        return new JdbcPostFingerprintStore(dataSource, true);
    }

    @AfterEach
    void closeStore() throws Exception {
        closeDataSource();
    }

    static StoredPost post(String account, String text, Instant at) {
        return new StoredPost(UUID.randomUUID(), account, Channel.PUBLIC, Fingerprint.of(text), at, null);
    }

    @Test
    void aReservationIsStoredPendingAndThenSent() {
        StoredPost p = post("acme_news", "Acme 2.4.0 is out", T0);

        assertThat(store.reserve(p, WINDOW, false)).isInstanceOf(PostFingerprintStore.Claimed.class);
        assertThat(store.find(p.requestId())).contains(p);

        store.markSent(p.requestId(), "1790000000000000001");
        assertThat(store.find(p.requestId())).contains(p.sent("1790000000000000001"));
    }

    @Test
    void aLiveClaimOnTheSameTextNamesItsHolder() {
        StoredPost first = post("acme_news", "Acme 2.4.0 is out", T0);
        store.reserve(first, WINDOW, false);
        store.markSent(first.requestId(), "42");

        PostFingerprintStore.Claim second =
                store.reserve(post("acme_deals", "ACME 2.4.0 is out!", T0.plusSeconds(60)), WINDOW, false);

        assertThat(second).isEqualTo(new PostFingerprintStore.Taken(first.requestId(), "acme_news", T0, "42"));
    }

    @Test
    void aRefusedReservationLeavesNoRow() {
        store.reserve(post("acme_news", "same text", T0), WINDOW, false);
        StoredPost refused = post("acme_deals", "same text", T0);

        store.reserve(refused, WINDOW, false);

        assertThat(store.find(refused.requestId())).isEmpty();
    }

    @Test
    void theSameAccountMayRepeatOnlyWhenAllowed() {
        store.reserve(post("acme_news", "same text", T0), WINDOW, false);

        assertThat(store.reserve(post("acme_news", "same text", T0.plusSeconds(1)), WINDOW, false))
                .isInstanceOf(PostFingerprintStore.Taken.class);
        assertThat(store.reserve(post("acme_news", "same text", T0.plusSeconds(2)), WINDOW, true))
                .isInstanceOf(PostFingerprintStore.Claimed.class);
        assertThat(store.reserve(post("acme_deals", "same text", T0.plusSeconds(3)), WINDOW, true))
                .isInstanceOf(PostFingerprintStore.Taken.class);
    }

    @Test
    void anExpiredClaimIsTakenOver() {
        store.reserve(post("acme_news", "same text", T0), WINDOW, false);

        assertThat(store.reserve(post("acme_deals", "same text", T0.plus(WINDOW).minusMillis(1)), WINDOW, false))
                .isInstanceOf(PostFingerprintStore.Taken.class);
        assertThat(store.reserve(post("acme_deals", "same text", T0.plus(WINDOW)), WINDOW, false))
                .isInstanceOf(PostFingerprintStore.Claimed.class);
    }

    @Test
    void postsAndDirectMessagesClaimSeparately() {
        store.reserve(post("acme_news", "same text", T0), WINDOW, false);
        StoredPost dm =
                new StoredPost(UUID.randomUUID(), "acme_help", Channel.DIRECT, Fingerprint.of("same text"), T0, null);

        assertThat(store.reserve(dm, WINDOW, false)).isInstanceOf(PostFingerprintStore.Claimed.class);
    }

    @Test
    void aReleaseFreesTheTextAndDeletesTheRow() {
        StoredPost first = post("acme_news", "same text", T0);
        store.reserve(first, WINDOW, false);

        store.release(first.requestId());
        store.release(first.requestId());

        assertThat(store.find(first.requestId())).isEmpty();
        assertThat(store.reserve(post("acme_deals", "same text", T0), WINDOW, false))
                .isInstanceOf(PostFingerprintStore.Claimed.class);
    }

    @Test
    void postsAreReadBackOldestFirstAfterAnInstant() {
        StoredPost a = post("a", "first post about cats", T0.plusSeconds(1));
        StoredPost b = post("b", "second post about dogs", T0.plusSeconds(3));
        StoredPost c = post("c", "third post about birds", T0.plusSeconds(2));
        for (StoredPost p : List.of(a, b, c)) {
            store.reserve(p, WINDOW, false);
        }

        List<StoredPost> read = new ArrayList<>();
        store.forEachSince(T0.plusSeconds(1), read::add);

        assertThat(read).containsExactly(c, b);
        assertThat(read.get(0).fingerprint()).isEqualTo(Fingerprint.of("third post about birds"));
    }

    @Test
    void purgeDeletesPostsOutsideTheWindowAndExpiredClaims() {
        StoredPost old = post("a", "old text", T0);
        StoredPost recent = post("a", "recent text", T0.plus(Duration.ofDays(20)));
        store.reserve(old, WINDOW, false);
        store.reserve(recent, WINDOW, false);

        int purged = store.purge(T0.plus(WINDOW), WINDOW);

        assertThat(purged).isEqualTo(2);
        assertThat(store.find(old.requestId())).isEmpty();
        assertThat(store.find(recent.requestId())).isPresent();
    }

    @Test
    void ofManyConnectionsClaimingTheSameTextAtOnceExactlyOneWins() throws Exception {
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PostFingerprintStore.Claim>> results = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            StoredPost p = post("account_" + t, "the very same text", T0);
            results.add(pool.submit(() -> {
                start.await();
                return store.reserve(p, WINDOW, false);
            }));
        }
        start.countDown();
        int claimed = 0;
        for (Future<PostFingerprintStore.Claim> f : results) {
            claimed += f.get() instanceof PostFingerprintStore.Claimed ? 1 : 0;
        }
        pool.shutdown();

        assertThat(claimed).isEqualTo(1);
    }

    // --- several nodes on one database ---

    @Test
    void aSharedStoreHandsOverWhatOtherNodesReservedOnceBeforeAskingAdmission() {
        JdbcPostFingerprintStore a = node();
        JdbcPostFingerprintStore b = node();
        StoredPost first = post("acme_news", "first text", T0);
        StoredPost second = post("acme_deals", "second text", T0.plusSeconds(1));
        StoredPost third = post("acme_help", "third text", T0.plusSeconds(2));
        a.reserve(first, WINDOW, false);
        List<UUID> seenByB = new ArrayList<>();
        List<Integer> seenWhenAsked = new ArrayList<>();

        PostFingerprintStore.Claim claim = b.reserve(second, WINDOW, false, p -> seenByB.add(p.requestId()), () -> {
            seenWhenAsked.add(seenByB.size());
            return true;
        });
        b.reserve(third, WINDOW, false, p -> seenByB.add(p.requestId()), () -> true);

        assertThat(claim).isInstanceOf(PostFingerprintStore.Claimed.class);
        assertThat(seenWhenAsked).containsExactly(1);
        assertThat(seenByB)
                .as("each post once, its own included after it committed")
                .containsExactly(first.requestId(), second.requestId());
    }

    @Test
    void aSharedStoreHandsOverReleasesBeforeThePostsReadInTheSameLook() {
        JdbcPostFingerprintStore a = node();
        JdbcPostFingerprintStore b = node();
        StoredPost released = post("acme_news", "released text", T0);
        StoredPost again = post("acme_deals", "reserved again", T0.plusSeconds(1));
        a.reserve(released, WINDOW, false);
        StoredPost own = post("acme_help", "b looks once", T0);
        b.reserve(own, WINDOW, false, p -> {}, () -> true);
        a.release(released.requestId());
        a.reserve(again, WINDOW, false);
        a.release(again.requestId());
        a.reserve(again, WINDOW, false); // the same request, reserved again after its release
        List<String> handed = new ArrayList<>();

        b.reserve(
                post("acme_help", "b looks again", T0.plusSeconds(2)),
                WINDOW,
                false,
                new PostFingerprintStore.Peers() {
                    @Override
                    public void reserved(StoredPost p) {
                        handed.add("reserved " + p.requestId());
                    }

                    @Override
                    public void released(UUID requestId) {
                        handed.add("released " + requestId);
                    }
                },
                () -> true);

        assertThat(handed)
                .containsExactly(
                        "released " + released.requestId(),
                        "released " + again.requestId(),
                        "reserved " + own.requestId(),
                        "reserved " + again.requestId());
    }

    @Test
    void aStoreOnlyThisProcessUsesRecordsNoRelease() throws Exception {
        StoredPost p = post("acme_news", "released text", T0);
        store.reserve(p, WINDOW, false);

        store.release(p.requestId());

        try (var c = dataSource.getConnection();
                var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM dedupe_release")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    @Test
    void aNodeThatReadTheWindowAtStartUpIsNotHandedThosePostsAgain() {
        node().reserve(post("acme_news", "before start-up", T0), WINDOW, false);
        JdbcPostFingerprintStore starting = node();
        starting.forEachSince(T0.minus(WINDOW), p -> {});
        StoredPost after = post("acme_deals", "after start-up", T0.plusSeconds(1));
        node().reserve(after, WINDOW, false);
        List<UUID> handed = new ArrayList<>();

        starting.reserve(
                post("acme_help", "mine", T0.plusSeconds(2)),
                WINDOW,
                false,
                p -> handed.add(p.requestId()),
                () -> true);

        assertThat(handed).containsExactly(after.requestId());
    }

    @Test
    void aReservationAdmissionRefusesLeavesNoRow() {
        StoredPost p = post("acme_news", "refused by the index", T0);

        assertThat(node().reserve(p, WINDOW, false, peer -> {}, () -> false))
                .isInstanceOf(PostFingerprintStore.NotAdmitted.class);
        assertThat(store.reserve(p, WINDOW, false, peer -> {}, () -> false))
                .isInstanceOf(PostFingerprintStore.NotAdmitted.class);
        assertThat(store.find(p.requestId())).isEmpty();
    }

    /**
     * Eight nodes each post a different text at once, and each admits only if it has seen no post before its own (as if
     * every text were a near-duplicate of every other): exactly one is admitted, because reservations take turns and
     * each sees those before it.
     */
    @Test
    void ofManyNodesAdmittingAgainstEachOthersPostsAtOnceExactlyOneIsAdmitted() throws Exception {
        int nodes = 8;
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<PostFingerprintStore.Claim>> results = new ArrayList<>();
        for (int n = 0; n < nodes; n++) {
            JdbcPostFingerprintStore node = node();
            List<StoredPost> seen = new ArrayList<>();
            StoredPost p = post("account_" + n, "a text of its own, number " + n, T0);
            results.add(pool.submit(() -> {
                start.await();
                return node.reserve(p, WINDOW, false, seen::add, seen::isEmpty);
            }));
        }
        start.countDown();
        int admitted = 0;
        for (Future<PostFingerprintStore.Claim> f : results) {
            admitted += f.get() instanceof PostFingerprintStore.Claimed ? 1 : 0;
        }
        pool.shutdown();

        assertThat(admitted).isEqualTo(1);
    }
}
