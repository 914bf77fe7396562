package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.ACME;
import static dev.bridle.internal.throttle.Actions.BETA;
import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link PlatformRateGuard} does over any {@link PlatformLimits}: counts in memory ({@link PlatformRateGuardTest})
 * or shared in PostgreSQL ({@code PostgresStoresTest}).
 */
abstract class PlatformWindowsContract {

    static final Instant RESET = T0.plus(Duration.ofMinutes(15));

    final MutableClock clock = MutableClock.at(T0);
    private PlatformNode guard;

    /** A fresh state; several calls in one test share its counts if they are shared (nodes of one store). */
    abstract PlatformLimits limits();

    PlatformNode node() {
        return PlatformNode.over(limits());
    }

    @BeforeEach
    void createGuard() {
        guard = node();
    }

    @Test
    void untilThePlatformHasSpokenActionsGo() {
        for (int i = 0; i < 5; i++) {
            assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        }
    }

    @Test
    void remainingZeroDefersUntilTheReset() {
        guard.observed(ACME, ActionKind.POST, 300, 0, RESET);

        Verdict verdict = guard.check(Actions.post(ACME));

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Defer.class, d -> {
            assertThat(d.until()).isEqualTo(RESET);
            assertThat(d.code()).isEqualTo(ReasonCode.RATE_LIMITED);
            assertThat(d.code().rule()).isEqualTo(Rule.PLATFORM_LIMITS);
            assertThat(d.message()).contains("@acme_news", "post", "300");
        });
        assertThat(guard.check(Actions.post(BETA))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.directMessage(ACME, "42"))).isEqualTo(Verdict.allow());

        clock.set(RESET.minusNanos(1));
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);
        clock.set(RESET);
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
    }

    @Test
    void theRemainingCountIsSpentByAllowedActionsSoNoRequestGoesThatWouldBeRefused() {
        guard.observed(ACME, ActionKind.FOLLOW, 15, 2, RESET);

        assertThat(guard.check(Actions.follow(ACME, "1"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.follow(ACME, "2"))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.follow(ACME, "3")))
                .isInstanceOfSatisfying(
                        Verdict.Defer.class, d -> assertThat(d.until()).isEqualTo(RESET));
    }

    @Test
    void aRequestThatWasNotSentGivesItsPlaceBack() {
        guard.observed(ACME, ActionKind.POST, 300, 1, RESET);
        ActionRequest notSent = Actions.post(ACME);
        assertThat(guard.check(notSent)).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);

        guard.release(notSent);
        guard.release(notSent);

        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);
    }

    @Test
    void aTooManyRequestsAnswerStopsEverythingUntilItsReset() {
        guard.exhausted(ACME, ActionKind.REPLY, RESET);

        assertThat(guard.check(Actions.reply(ACME, "42", "m1")))
                .isInstanceOfSatisfying(
                        Verdict.Defer.class, d -> assertThat(d.until()).isEqualTo(RESET));
    }

    @Test
    void forOneWindowTheLowerCountStandsAndALateAnswerAboutAnOlderWindowChangesNothing() {
        guard.observed(ACME, ActionKind.POST, 300, 5, RESET);
        guard.observed(ACME, ActionKind.POST, 300, 1, RESET);
        guard.observed(ACME, ActionKind.POST, 300, 4, RESET);
        guard.observed(ACME, ActionKind.POST, 300, 200, RESET.minus(Duration.ofMinutes(15)));

        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);

        guard.observed(ACME, ActionKind.POST, 300, 300, RESET.plus(Duration.ofMinutes(15)));
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
    }

    @Test
    void aRequestGivenBackAfterItsWindowWasReplacedChangesNothing() {
        guard.observed(ACME, ActionKind.POST, 300, 1, RESET);
        ActionRequest notSent = Actions.post(ACME);
        assertThat(guard.check(notSent)).isEqualTo(Verdict.allow());
        Instant next = RESET.plus(Duration.ofMinutes(15));
        guard.observed(ACME, ActionKind.POST, 300, 0, next);

        guard.release(notSent);

        assertThat(guard.check(Actions.post(ACME)))
                .isInstanceOfSatisfying(
                        Verdict.Defer.class, d -> assertThat(d.until()).isEqualTo(next));
    }

    @Test
    void aGivenBackRequestNeverRaisesTheCountAboveTheLimit() {
        guard.observed(ACME, ActionKind.POST, 2, 1, RESET);
        ActionRequest notSent = Actions.post(ACME);
        assertThat(guard.check(notSent)).isEqualTo(Verdict.allow());
        guard.observed(ACME, ActionKind.POST, 2, 2, RESET); // the lower stands: still 0
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);

        guard.release(notSent);

        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);
    }

    /**
     * Two nodes on one set of windows, many threads each: together they take exactly what the platform said remains.
     */
    @Test
    void nodesSharingTheWindowsNeverReserveMoreThanThePlatformSaidRemain() throws Exception {
        PlatformNode one = node();
        PlatformNode two = sharesWindows() ? node() : one;
        one.observed(ACME, ActionKind.POST, 300, 40, RESET);
        int threads = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            java.util.List<java.util.concurrent.Callable<Integer>> workers = new java.util.ArrayList<>();
            for (int t = 0; t < threads; t++) {
                PlatformNode node = t % 2 == 0 ? one : two;
                workers.add(() -> {
                    int allowed = 0;
                    for (int i = 0; i < 15; i++) {
                        allowed += node.check(Actions.post(ACME)).allows() ? 1 : 0;
                    }
                    return allowed;
                });
            }
            int total = 0;
            for (java.util.concurrent.Future<Integer> f : pool.invokeAll(workers)) {
                total += f.get();
            }
            assertThat(total).isEqualTo(40);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Whether two {@link #node()}s share one view; in-memory windows are each node's own. */
    abstract boolean sharesWindows();
}
