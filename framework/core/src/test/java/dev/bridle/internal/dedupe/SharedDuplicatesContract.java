package dev.bridle.internal.dedupe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.Account;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes, each a {@link DuplicateGuard} on its own shared {@link JdbcPostFingerprintStore}, on one database: what
 * one node releases, the other forgets. A subclass per database supplies a migrated, empty {@link DataSource}:
 * {@link PostgresSharedDuplicatesTest} (what production shares) and {@link H2SharedDuplicatesTest}.
 */
abstract class SharedDuplicatesContract {

    static final Account NEWS = new Account("acme_news", "1001");
    static final Account DEALS = new Account("acme_deals", "1002");
    static final Account HELP = new Account("acme_help", "1003");
    static final String RELEASE =
            "Acme 2.4.0 is out: offline editing with conflict-free merges. Full notes: https://acme.io/releases/2.4.0";
    static final String RELEASE_EVADED =
            "Аcmе 2.4.0 is out 🚀 offline\u200B editing with conflict-free merges!! Notes: https://bit.ly/3xYz9";

    /** Opens a migrated database with empty dedupe tables; called before each test. */
    protected abstract DataSource openDataSource() throws Exception;

    /** Closes what {@link #openDataSource} opened; called after each test. */
    protected abstract void closeDataSource() throws Exception;

    final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T09:00:00Z"));
    DataSource dataSource;

    @BeforeEach
    void open() throws Exception {
        dataSource = openDataSource();
    }

    @AfterEach
    void close() throws Exception {
        closeDataSource();
    }

    /** A node: its own guard, index and store on the shared database. */
    DuplicateGuard node() {
        return DuplicateGuard.builder(new JdbcPostFingerprintStore(dataSource, true), clock)
                .build();
    }

    ActionRequest post(UUID requestId, Account account, String text) {
        return new ActionRequest(
                requestId, "bot", account, ActionKind.POST, text, List.of(), null, null, clock.instant());
    }

    ActionRequest post(Account account, String text) {
        return post(UUID.randomUUID(), account, text);
    }

    /**
     * Broke: an action deferred on node A and run on node B was denied GUARD_UNAVAILABLE ("already reserved"). Cause: B
     * had copied A's reservation of the request into its index and never heard that A released it, and a deferred
     * action keeps its request id.
     */
    @Test
    void anActionDeferredOnOneNodeAndRunOnAnotherIsNotDeniedAsAlreadyReserved() {
        DuplicateGuard a = node();
        DuplicateGuard b = node();
        UUID deferred = UUID.randomUUID();
        assertThat(a.check(post(deferred, NEWS, RELEASE)).allows()).isTrue();
        assertThat(b.check(post(HELP, "Office hours are on Thursday at 16:00, bring your questions."))
                        .allows())
                .isTrue();
        assertThat(b.index().contains(deferred)).as("B copied A's reservation").isTrue();
        a.release(deferred); // a later guard deferred it

        clock.advance(Duration.ofMinutes(10));
        Verdict onB = b.check(post(deferred, NEWS, RELEASE));

        assertThat(onB.allows()).as("%s", onB).isTrue();
    }

    /** Broke: B kept comparing new posts with a post A released, which was never sent. Same cause. */
    @Test
    void aNodeNoLongerDeniesANearDuplicateOfAPostAnotherNodeReleased() {
        DuplicateGuard a = node();
        UUID released = UUID.randomUUID();
        assertThat(a.check(post(released, NEWS, RELEASE)).allows()).isTrue();
        DuplicateGuard b = node(); // its start-up read copies the reservation
        assertThat(b.index().contains(released)).isTrue();
        a.release(released);

        Verdict near = b.check(post(DEALS, RELEASE_EVADED));

        assertThat(near.allows()).as("%s", near).isTrue();
        assertThat(b.index().contains(released)).isFalse();
    }

    @Test
    void aRequestReleasedAndReservedAgainOnTheSameNodeStillCountsOnTheOther() {
        DuplicateGuard a = node();
        DuplicateGuard b = node();
        UUID request = UUID.randomUUID();
        a.check(post(request, NEWS, RELEASE));
        a.release(request);
        assertThat(a.check(post(request, NEWS, RELEASE)).allows()).isTrue(); // the deferred run, on A again

        Verdict near = b.check(post(DEALS, RELEASE_EVADED));

        assertThat(near).isInstanceOf(Verdict.Deny.class);
        assertThat(b.index().contains(request)).isTrue();
    }

    @Test
    void aRequestRunOnAnotherNodeCountsOnTheNodeThatReleasedIt() {
        DuplicateGuard a = node();
        DuplicateGuard b = node();
        UUID request = UUID.randomUUID();
        a.check(post(request, NEWS, RELEASE));
        a.release(request);
        assertThat(b.check(post(request, NEWS, RELEASE)).allows()).isTrue();

        Verdict near = a.check(post(DEALS, RELEASE_EVADED));

        assertThat(near)
                .as("A released it, then B reserved it: it counts again")
                .isInstanceOf(Verdict.Deny.class);
    }

    /**
     * Many threads on both nodes check near-duplicates of one text at once, the winner is released, and the next round
     * does it again with the same text: in every round exactly one passes. Releases reaching the other node must
     * neither leave the text blocked nor let two through.
     */
    @Test
    void ofManyThreadsOnTwoNodesCheckingNearDuplicatesAtOnceExactlyOnePassesRoundAfterRound() throws Exception {
        List<DuplicateGuard> nodes = List.of(node(), node());
        int threadsPerNode = 4;
        List<String> variants = List.of(
                RELEASE,
                RELEASE_EVADED,
                RELEASE + " 🎉",
                RELEASE.toUpperCase(java.util.Locale.ROOT),
                "Acme 2.4.0 is out: offline editing with conflict free merges! Full notes https://acme.io/r/240",
                RELEASE.replace("Full notes", "Notes"),
                RELEASE + " #acme",
                "Reminder: " + RELEASE);
        // a thread per account: near-duplicates within one account are allowed by default
        List<Account> accounts = new ArrayList<>();
        for (int t = 0; t < 2 * threadsPerNode; t++) {
            accounts.add(new Account("acme_" + t, Integer.toString(2000 + t)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2 * threadsPerNode);
        try {
            for (int round = 0; round < 12; round++) {
                CyclicBarrier together = new CyclicBarrier(2 * threadsPerNode);
                List<Future<Verdict>> verdicts = new ArrayList<>();
                List<ActionRequest> requests = new ArrayList<>();
                for (int t = 0; t < 2 * threadsPerNode; t++) {
                    DuplicateGuard node = nodes.get(t % 2);
                    ActionRequest request = post(accounts.get(t), variants.get((t + round) % variants.size()));
                    requests.add(request);
                    verdicts.add(pool.submit(() -> {
                        together.await();
                        return node.check(request);
                    }));
                }
                List<Verdict> decided = new ArrayList<>();
                for (Future<Verdict> f : verdicts) {
                    decided.add(f.get());
                }
                int passed = 0;
                for (int t = 0; t < decided.size(); t++) {
                    if (decided.get(t).allows()) {
                        passed++;
                        nodes.get(t % 2).release(requests.get(t)); // not sent: the next round may pass again
                    }
                }

                assertThat(passed).as("round %d", round).isEqualTo(1);
                clock.advance(Duration.ofSeconds(1));
            }
        } finally {
            pool.shutdown();
        }
    }
}
