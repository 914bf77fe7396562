package dev.bridle.dedupe;

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
 * What every {@link PostFingerprintStore} database must do. A subclass per database supplies a
 * migrated, empty {@link DataSource}: {@link H2PostFingerprintStoreTest} and
 * {@link PostgresPostFingerprintStoreTest}.
 */
abstract class PostFingerprintStoreContract {

    static final Duration WINDOW = Duration.ofDays(30);
    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    /** Opens a migrated database with empty dedupe tables; called before each test. */
    protected abstract DataSource openDataSource() throws Exception;

    /** Closes what {@link #openDataSource} opened; called after each test. */
    protected abstract void closeDataSource() throws Exception;

    PostFingerprintStore store;

    @BeforeEach
    void openStore() throws Exception {
        store = new JdbcPostFingerprintStore(openDataSource());
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

        PostFingerprintStore.Claim second = store.reserve(post("acme_deals", "ACME 2.4.0 is out!", T0.plusSeconds(60)), WINDOW, false);

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
        StoredPost dm = new StoredPost(UUID.randomUUID(), "acme_help", Channel.DIRECT, Fingerprint.of("same text"), T0, null);

        assertThat(store.reserve(dm, WINDOW, false)).isInstanceOf(PostFingerprintStore.Claimed.class);
    }

    @Test
    void aReleaseFreesTheTextAndDeletesTheRow() {
        StoredPost first = post("acme_news", "same text", T0);
        store.reserve(first, WINDOW, false);

        store.release(first.requestId());
        store.release(first.requestId());

        assertThat(store.find(first.requestId())).isEmpty();
        assertThat(store.reserve(post("acme_deals", "same text", T0), WINDOW, false)).isInstanceOf(PostFingerprintStore.Claimed.class);
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
}
