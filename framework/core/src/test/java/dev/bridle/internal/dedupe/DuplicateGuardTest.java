package dev.bridle.internal.dedupe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.Account;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.Decision;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DuplicateGuardTest {

    static final Account NEWS = new Account("acme_news", "1001");
    static final Account DEALS = new Account("acme_deals", "1002");
    static final String RELEASE =
            "Acme 2.4.0 is out: offline editing with conflict-free merges. Full notes: https://acme.io/releases/2.4.0";
    static final String RELEASE_EVADED =
            "Аcmе 2.4.0 is out 🚀 offline\u200B editing with conflict-free merges!! Notes: https://bit.ly/3xYz9";

    @TempDir
    Path dir;

    final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T09:00:00Z"));
    Database db;
    JdbcPostFingerprintStore store;
    DuplicateGuard guard;

    @BeforeEach
    void open() {
        db = Database.open(TestStores.h2(dir));
        db.migrate();
        store = new JdbcPostFingerprintStore(db.dataSource());
        guard = DuplicateGuard.builder(store, clock).build();
    }

    @AfterEach
    void close() {
        db.close();
    }

    ActionRequest post(Account account, String text) {
        return new ActionRequest(
                UUID.randomUUID(), "bot", account, ActionKind.POST, text, List.of(), null, null, clock.instant());
    }

    ActionRequest reply(Account account, String text, String toUser) {
        return new ActionRequest(
                UUID.randomUUID(),
                "bot",
                account,
                ActionKind.REPLY,
                text,
                List.of(new Target(UserRef.ofId(toUser), TargetRole.REPLIED_TO)),
                new PostRef("77" + toUser, null),
                null,
                clock.instant());
    }

    ActionRequest message(Account account, String text, String toUser) {
        return new ActionRequest(
                UUID.randomUUID(),
                "bot",
                account,
                ActionKind.DIRECT_MESSAGE,
                text,
                List.of(new Target(UserRef.ofId(toUser), TargetRole.RECIPIENT)),
                null,
                null,
                clock.instant());
    }

    Verdict sent(ActionRequest request, String platformId) {
        Verdict v = guard.check(request);
        if (v.allows()) {
            guard.confirm(request, platformId);
        }
        return v;
    }

    @Test
    void aCopyFromAnotherAccountIsDeniedNamingTheEarlierPostItsAccountAndTheScore() {
        ActionRequest first = post(NEWS, RELEASE);
        assertThat(sent(first, "1790000000000000001").allows()).isTrue();

        Verdict exact = guard.check(post(DEALS, RELEASE));
        Verdict near = guard.check(post(DEALS, RELEASE_EVADED));

        assertThat(exact).isInstanceOfSatisfying(Verdict.Deny.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.DUPLICATE_CROSS_ACCOUNT);
            assertThat(d.message())
                    .startsWith("identical to post 1790000000000000001 (request " + first.requestId()
                            + ") by @acme_news at 2026-11-28T09:00:00Z");
        });
        assertThat(near).isInstanceOfSatisfying(Verdict.Deny.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.DUPLICATE_CROSS_ACCOUNT);
            assertThat(d.message())
                    .matches(
                            "a near-duplicate \\(score 0\\.\\d\\d\\) of post 1790000000000000001 .* by @acme_news .*within 30 days");
        });
    }

    @Test
    void anAccountMayNotRepeatItselfExactlyButTemplatedPostsPass() {
        sent(post(NEWS, RELEASE), "1");

        assertThat(guard.check(post(NEWS, RELEASE)))
                .isInstanceOfSatisfying(
                        Verdict.Deny.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.DUPLICATE_SAME_ACCOUNT));
        assertThat(guard.check(post(NEWS, RELEASE_EVADED)).allows()).isTrue();
        assertThat(guard.check(
                                post(
                                        NEWS,
                                        "Acme 2.5.0 is out: a plugin API and faster search. Full notes: https://acme.io/releases/2.5.0"))
                        .allows())
                .isTrue();
    }

    @Test
    void theSameReplyToManyUsersIsADuplicate() {
        assertThat(sent(reply(NEWS, "@ann Thanks for the mention! Our docs are at https://docs.acme.io", "11"), "1")
                        .allows())
                .isTrue();

        Verdict v = guard.check(reply(NEWS, "@bob Thanks for the mention! Our docs are at https://docs.acme.io", "12"));

        assertThat(v)
                .isInstanceOfSatisfying(
                        Verdict.Deny.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.DUPLICATE_SAME_ACCOUNT));
    }

    @Test
    void theSameMessageToManyUsersIsADuplicateButAMessageDoesNotClashWithAPost() {
        sent(post(NEWS, RELEASE), "1");

        assertThat(sent(message(NEWS, RELEASE, "11"), "dm-1").allows()).isTrue();
        assertThat(guard.check(message(NEWS, RELEASE, "12")))
                .isInstanceOfSatisfying(
                        Verdict.Deny.class, d -> assertThat(d.message()).startsWith("identical to message dm-1"));
    }

    @Test
    void followsLikesAndRepostsPassWithoutAReservation() {
        ActionRequest follow = new ActionRequest(
                UUID.randomUUID(),
                "bot",
                NEWS,
                ActionKind.FOLLOW,
                null,
                List.of(new Target(UserRef.ofId("5"), TargetRole.FOLLOWED)),
                null,
                null,
                clock.instant());

        assertThat(guard.check(follow).allows()).isTrue();
        assertThat(guard.index().size()).isZero();
    }

    @Test
    void aReleasedPostFreesItsText() {
        ActionRequest first = post(NEWS, RELEASE);
        guard.check(first);

        guard.release(first);

        assertThat(store.find(first.requestId())).isEmpty();
        assertThat(guard.check(post(DEALS, RELEASE)).allows()).isTrue();
    }

    @Test
    void aReservationInDoubtStandsAsPending() {
        ActionRequest first = post(NEWS, RELEASE);
        guard.check(first);
        guard.confirm(first, null);

        assertThat(guard.check(post(DEALS, RELEASE)))
                .isInstanceOfSatisfying(
                        Verdict.Deny.class,
                        d -> assertThat(d.message())
                                .startsWith("identical to pending post (request " + first.requestId() + ")"));
    }

    @Test
    void aRestartRebuildsTheIndexFromTheStore() {
        sent(post(NEWS, RELEASE), "1");
        clock.advance(Duration.ofDays(10));

        DuplicateGuard restarted = DuplicateGuard.builder(store, clock).build();

        assertThat(restarted.index().size()).isEqualTo(1);
        assertThat(restarted.check(post(DEALS, RELEASE_EVADED))).isInstanceOf(Verdict.Deny.class);
    }

    @Test
    void postsOlderThanTheWindowNoLongerCount() {
        sent(post(NEWS, RELEASE), "1");
        clock.advance(Duration.ofDays(30));

        assertThat(guard.check(post(DEALS, RELEASE)).allows()).isTrue();
        assertThat(guard.purgeExpired()).isEqualTo(1); // the old post row; its claim was taken over by the new post
    }

    @Test
    void whenTheStoreFailsTheCheckThrowsAndReservesNothing() {
        ActionRequest request = post(NEWS, RELEASE);
        db.close();

        assertThatThrownBy(() -> guard.check(request)).isInstanceOf(FingerprintStoreException.class);
        assertThat(guard.index().contains(request.requestId())).isFalse();
    }

    @Test
    void aReleaseThatArrivesBeforeTheCheckLeavesNothingBehind() {
        ActionRequest request = post(NEWS, RELEASE);
        guard.release(request);

        assertThat(guard.check(request))
                .isInstanceOfSatisfying(
                        Verdict.Deny.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE));
        assertThat(store.find(request.requestId())).isEmpty();
        assertThat(guard.check(post(DEALS, RELEASE)).allows()).isTrue();
    }

    @Test
    void inTheChainALaterDenialReleasesTheReservation() {
        try (GuardChain chain = new GuardChain(List.of(guard, new dev.bridle.guard.Guard() {
            @Override
            public String name() {
                return "throttle";
            }

            @Override
            public Verdict check(ActionRequest request) {
                return Verdict.deny(ReasonCode.THROTTLED_ACCOUNT, "slow down");
            }
        }))) {
            Decision d = chain.evaluate(post(NEWS, RELEASE));

            assertThat(d.guard()).isEqualTo("throttle");
            assertThat(guard.check(post(DEALS, RELEASE)).allows()).isTrue();
        }
    }

    @Test
    void twoNodesSharingAStoreCannotBothSendTheSameText() {
        DuplicateGuard other = DuplicateGuard.builder(store, clock).build();

        assertThat(guard.check(post(NEWS, RELEASE)).allows()).isTrue();
        Verdict v = other.check(post(DEALS, RELEASE));

        assertThat(v).isInstanceOfSatisfying(Verdict.Deny.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.DUPLICATE_CROSS_ACCOUNT);
            assertThat(d.message()).contains("claimed in the shared store");
        });
        assertThat(other.index().size()).isZero();
    }

    @Test
    void aNodeSeesAnotherNodesNearDuplicateAtOnceOnASharedStore() {
        DuplicateGuard first = DuplicateGuard.builder(new JdbcPostFingerprintStore(db.dataSource(), true), clock)
                .build();
        DuplicateGuard second = DuplicateGuard.builder(new JdbcPostFingerprintStore(db.dataSource(), true), clock)
                .build();
        ActionRequest original = post(NEWS, RELEASE);
        assertThat(first.check(original).allows()).isTrue();
        first.confirm(original, "1");

        assertThat(second.check(post(DEALS, RELEASE_EVADED)))
                .isInstanceOfSatisfying(
                        Verdict.Deny.class,
                        d -> assertThat(d.message()).contains("near-duplicate").contains("by @acme_news"));
    }

    @Test
    void ofTwoNodesCheckingNearDuplicatesAtTheSameMomentOnlyOnePasses() throws Exception {
        List<DuplicateGuard> nodes = List.of(
                DuplicateGuard.builder(new JdbcPostFingerprintStore(db.dataSource(), true), clock)
                        .build(),
                DuplicateGuard.builder(new JdbcPostFingerprintStore(db.dataSource(), true), clock)
                        .build());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 20; round++) {
                List<ActionRequest> requests = List.of(post(NEWS, RELEASE), post(DEALS, RELEASE_EVADED));
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<Verdict>> verdicts = new ArrayList<>();
                for (int n = 0; n < 2; n++) {
                    DuplicateGuard node = nodes.get(n);
                    ActionRequest request = requests.get(n);
                    verdicts.add(pool.submit(() -> {
                        together.await();
                        return node.check(request);
                    }));
                }
                List<Verdict> decided = new ArrayList<>();
                for (Future<Verdict> f : verdicts) {
                    decided.add(f.get());
                }

                assertThat(decided)
                        .as("round %d", round)
                        .filteredOn(Verdict::allows)
                        .hasSize(1);
                for (int n = 0; n < 2; n++) {
                    nodes.get(n).release(requests.get(n)); // the next round starts from nothing
                }
            }
        } finally {
            pool.shutdown();
        }
    }
}
