package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.audit.InMemoryAuditLedger;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.runtime.ActionDispatcher;
import dev.bridle.internal.runtime.RetryPolicy;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformReceipt;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Many threads against one limit, through a real {@link ActionDispatcher} and {@link GuardChain}: the platform receives
 * exactly the allowed number of requests, however the race goes, and requests refused later in the chain or not applied
 * by the platform cost nothing.
 */
class ThrottleExactnessTest {

    private static final int THREADS = 32;
    private static final int ATTEMPTS_PER_THREAD = 25;

    private final MutableClock clock = MutableClock.at(T0);
    private final CountingPlatform platform = new CountingPlatform();
    private final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    private final List<GuardChain> chains = new ArrayList<>();

    @AfterEach
    void close() {
        chains.forEach(GuardChain::close);
    }

    private ActionDispatcher dispatcher(List<Guard> guards) {
        GuardChain chain = new GuardChain(guards);
        GuardChain finalChecks = new GuardChain(List.of());
        chains.add(chain);
        chains.add(finalChecks);
        return new ActionDispatcher(chain, finalChecks, ledger, platform, clock, null, RetryPolicy.NO_RETRY);
    }

    @Test
    void exactlyTheAllowedNumberOfPostsReachThePlatform() throws Exception {
        ThrottleSettings settings =
                ThrottleSettings.defaults().withAccountLimits(ActionKind.POST, Limit.of(100, Duration.ofDays(1)));
        ActionDispatcher dispatcher =
                dispatcher(List.of(new AccountRateGuard(settings, new LocalBucketStore(clock), clock)));

        Map<Class<?>, Integer> results = race(dispatcher, n -> Actions.post(Actions.ACME));

        assertThat(platform.performed.get()).isEqualTo(100);
        assertThat(results)
                .containsEntry(ActionResult.Sent.class, 100)
                .containsEntry(ActionResult.Deferred.class, THREADS * ATTEMPTS_PER_THREAD - 100);
    }

    @Test
    void requestsDeniedLaterInTheChainOrNotAppliedByThePlatformGiveTheirTokensBack() throws Exception {
        ThrottleSettings settings =
                ThrottleSettings.defaults().withAccountLimits(ActionKind.POST, Limit.of(100, Duration.ofDays(1)));
        Guard deniesEveryThird = new Guard() {
            @Override
            public String name() {
                return "every-third";
            }

            @Override
            public Verdict check(ActionRequest request) {
                return request.text().endsWith("#0")
                        ? Verdict.deny(ReasonCode.DUPLICATE_CROSS_ACCOUNT, "test")
                        : Verdict.allow();
            }
        };
        platform.failEvery = 5;
        ActionDispatcher dispatcher = dispatcher(
                List.of(new AccountRateGuard(settings, new LocalBucketStore(clock), clock), deniesEveryThird));

        Map<Class<?>, Integer> results = race(
                dispatcher,
                n -> Actions.request(Actions.ACME, ActionKind.POST, "post #" + (n % 3), List.of(), null, null));

        assertThat(platform.applied.get()).isEqualTo(100);
        assertThat(results.get(ActionResult.Sent.class)).isEqualTo(100);
        // Denied and failed requests took a token and gave it back; otherwise fewer than 100 would be sent.
        assertThat(results.get(ActionResult.Denied.class)).isPositive();
        assertThat(results.get(ActionResult.Failed.class)).isEqualTo(platform.performed.get() - 100);
        assertThat(results.values().stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(THREADS * ATTEMPTS_PER_THREAD);
    }

    @Test
    void theWholeThrottleSetLetsExactlyThreeRepliesReachOneUserFromManyAccounts() throws Exception {
        Throttles throttles = Throttles.create(
                ThrottleSettings.defaults(),
                clock,
                new LocalBucketStore(clock),
                new InMemoryFollowHistory(),
                new InMemoryAnsweredInteractions());
        ActionDispatcher dispatcher = dispatcher(throttles.guards());

        // Every attempt comes from its own account and answers its own mention, so only the
        // per-user limit (3 a day) stands between them and the platform.
        Map<Class<?>, Integer> results = race(dispatcher, n -> Actions.reply(Actions.account(n), "42", "m" + n));

        assertThat(platform.performed.get()).isEqualTo(3);
        assertThat(results).containsEntry(ActionResult.Sent.class, 3);
        assertThat(ledger.records())
                .filteredOn(r -> ReasonCode.THROTTLED_TARGET.name().equals(r.reason()))
                .hasSize(THREADS * ATTEMPTS_PER_THREAD - 3);
    }

    @Test
    void oneMentionAnsweredByManyBotsAtOnceGetsExactlyOneReply() throws Exception {
        Throttles throttles = Throttles.create(
                ThrottleSettings.defaults(),
                clock,
                new LocalBucketStore(clock),
                new InMemoryFollowHistory(),
                new InMemoryAnsweredInteractions());
        ActionDispatcher dispatcher = dispatcher(throttles.guards());

        Map<Class<?>, Integer> results = race(dispatcher, n -> Actions.reply(Actions.account(n), "42", "the-mention"));

        assertThat(platform.performed.get()).isEqualTo(1);
        assertThat(results)
                .containsEntry(ActionResult.Sent.class, 1)
                .containsEntry(ActionResult.Denied.class, THREADS * ATTEMPTS_PER_THREAD - 1);
    }

    private static Map<Class<?>, Integer> race(ActionDispatcher dispatcher, IntFunction<ActionRequest> request)
            throws Exception {
        return race(dispatcher::dispatch, THREADS, ATTEMPTS_PER_THREAD, request);
    }

    /** Runs {@code threads} threads of {@code attempts} dispatches each, released together; counts results by type. */
    static Map<Class<?>, Integer> race(
            Function<ActionRequest, ActionResult> dispatcher,
            int threads,
            int attempts,
            IntFunction<ActionRequest> request)
            throws Exception {
        AtomicInteger sequence = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Map<Class<?>, Integer> counts = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Callable<Void>> workers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                workers.add(() -> {
                    start.await();
                    for (int i = 0; i < attempts; i++) {
                        ActionResult result = dispatcher.apply(request.apply(sequence.getAndIncrement()));
                        counts.merge(result.getClass(), 1, Integer::sum);
                    }
                    return null;
                });
            }
            List<Future<Void>> done = new ArrayList<>();
            for (Callable<Void> w : workers) {
                done.add(pool.submit(w));
            }
            start.countDown();
            for (Future<Void> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        return counts;
    }

    /** Counts every call; optionally answers every n-th with "certainly not applied". */
    static final class CountingPlatform implements Platform {
        final AtomicInteger performed = new AtomicInteger();
        final AtomicInteger applied = new AtomicInteger();
        volatile int failEvery;

        @Override
        public PlatformReceipt perform(ActionRequest request) throws PlatformException {
            int n = performed.incrementAndGet();
            if (failEvery > 0 && n % failEvery == 0) {
                throw new PlatformException(PlatformException.Kind.NOT_APPLIED, "connection refused");
            }
            return new PlatformReceipt(Integer.toString(applied.incrementAndGet()));
        }

        @Override
        public List<Mention> mentionsSince(Account account, String sinceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<DirectMessage> directMessagesSince(Account account, String sinceId) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<UserRef> lookupHandle(Account account, String handle) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Account verifyCredentials(Account account) {
            throw new UnsupportedOperationException();
        }
    }
}
