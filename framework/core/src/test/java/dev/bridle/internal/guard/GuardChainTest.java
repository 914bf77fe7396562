package dev.bridle.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.runtime.Requests;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class GuardChainTest {

    private final List<String> called = new ArrayList<>();

    private Guard guard(String name, Verdict verdict) {
        return new Guard() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Verdict check(ActionRequest request) {
                called.add(name);
                return verdict;
            }
        };
    }

    private Guard throwing(String name, RuntimeException e) {
        return new Guard() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Verdict check(ActionRequest request) {
                throw e;
            }
        };
    }

    private static RequestStep step(String name, java.util.function.Function<ActionRequest, RequestStep.Outcome> f) {
        return new RequestStep() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration budget() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Outcome apply(ActionRequest request) {
                return f.apply(request);
            }
        };
    }

    // @mention resolution used to refuse outside the chain, under a name no plan listed; steps now run inside it.
    @Test
    void theGuardsSeeTheRequestAsTheStepsCompletedItAndTheDecisionCarriesIt() {
        ActionRequest given = Requests.post("hello @ana");
        ActionRequest completed = Requests.post("hello @ana, completed");
        List<ActionRequest> seen = new ArrayList<>();
        Guard looking = new Guard() {
            @Override
            public String name() {
                return "looking";
            }

            @Override
            public Verdict check(ActionRequest request) {
                seen.add(request);
                return Verdict.allow();
            }
        };
        try (GuardChain chain = new GuardChain(
                List.of(step("mentions", r -> new RequestStep.Outcome.Completed(completed))), List.of(looking))) {
            Decision d = chain.evaluate(given);

            assertThat(d.allows()).isTrue();
            assertThat(seen).containsExactly(completed);
            assertThat(d.requestOr(given)).isSameAs(completed);
        }
    }

    @Test
    void aStepThatRefusesIsTheDecisionAndNoGuardRunsOrIsReleased() {
        RecordingReservingGuard reserving = new RecordingReservingGuard();
        try (GuardChain chain = new GuardChain(
                List.of(step(
                        "mentions", r -> new RequestStep.Outcome.Refused(Verdict.deny(ReasonCode.NO_CONSENT, "who?")))),
                List.of(reserving, guard("a", Verdict.allow())))) {
            Decision d = chain.evaluate(Requests.post("hello @ghost"));

            assertThat(d.verdict()).isEqualTo(Verdict.deny(ReasonCode.NO_CONSENT, "who?"));
            assertThat(d.guard()).isEqualTo("mentions");
            assertThat(called).isEmpty();
            assertThat(reserving.settlements()).isEmpty();
        }
    }

    @Test
    void aStepThatThrowsOrAnswersNothingFailsClosedUnderItsName() {
        try (GuardChain chain = new GuardChain(
                List.of(step("mentions", r -> {
                    throw new IllegalStateException("lookup exploded");
                })),
                List.of(guard("a", Verdict.allow())))) {
            Decision d = chain.evaluate(Requests.post("hello"));

            assertThat(d.verdict()).isInstanceOfSatisfying(Verdict.Deny.class, deny -> {
                assertThat(deny.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE);
                assertThat(deny.message()).contains("lookup exploded");
            });
            assertThat(d.guard()).isEqualTo("mentions");
            assertThat(called).isEmpty();
        }
        try (GuardChain chain = new GuardChain(List.of(step("mentions", r -> null)), List.of())) {
            assertThat(chain.evaluate(Requests.post("hello")).verdict())
                    .isInstanceOfSatisfying(
                            Verdict.Deny.class,
                            deny -> assertThat(deny.message()).contains("returned no outcome"));
        }
    }

    @Test
    void allowsWhenEveryGuardAllows() {
        try (GuardChain chain = new GuardChain(List.of(guard("a", Verdict.allow()), guard("b", Verdict.allow())))) {
            Decision d = chain.evaluate(Requests.post("hello"));

            assertThat(d.allows()).isTrue();
            assertThat(d.guard()).isNull();
            assertThat(called).containsExactly("a", "b");
        }
    }

    @Test
    void firstDenialWinsAndLaterGuardsDoNotRun() {
        try (GuardChain chain = new GuardChain(List.of(
                guard("a", Verdict.allow()),
                guard("b", Verdict.deny(ReasonCode.NO_CONSENT, "no")),
                guard("c", Verdict.deny(ReasonCode.OPTED_OUT, "never reached"))))) {
            Decision d = chain.evaluate(Requests.post("hello"));

            assertThat(d.verdict()).isEqualTo(Verdict.deny(ReasonCode.NO_CONSENT, "no"));
            assertThat(d.guard()).isEqualTo("b");
            assertThat(called).containsExactly("a", "b");
        }
    }

    @Test
    void aDeferralStopsTheChainToo() {
        Instant later = Instant.parse("2026-11-28T10:00:00Z");
        try (GuardChain chain = new GuardChain(List.of(
                guard("throttle", Verdict.defer(later, ReasonCode.THROTTLED_ACCOUNT, "slow down")),
                guard("after", Verdict.allow())))) {
            Decision d = chain.evaluate(Requests.post("hello"));

            assertThat(d.verdict()).isEqualTo(Verdict.defer(later, ReasonCode.THROTTLED_ACCOUNT, "slow down"));
            assertThat(called).containsExactly("throttle");
        }
    }

    @Test
    void aGuardThatThrowsMakesTheChainDeny() {
        try (GuardChain chain = new GuardChain(List.of(
                throwing("consent", new IllegalStateException("connection refused")),
                guard("after", Verdict.allow())))) {
            Decision d = chain.evaluate(Requests.post("hello"));

            assertThat(d.verdict()).isInstanceOfSatisfying(Verdict.Deny.class, deny -> {
                assertThat(deny.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE);
                assertThat(deny.message()).contains("consent", "connection refused", "fails closed");
            });
            assertThat(d.guard()).isEqualTo("consent");
            assertThat(called).isEmpty();
        }
    }

    @Test
    void aGuardThatReturnsNothingMakesTheChainDeny() {
        try (GuardChain chain = new GuardChain(List.of(guard("lazy", null)))) {
            Decision d = chain.evaluate(Requests.post("hello"));

            assertThat(d.verdict())
                    .isInstanceOfSatisfying(
                            Verdict.Deny.class,
                            deny -> assertThat(deny.message()).contains("returned no verdict"));
        }
    }

    @Test
    void aGuardStuckPastItsBudgetMakesTheChainDenyWithoutWaitingForIt() throws Exception {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(1);
        RecordingReservingGuard later = new RecordingReservingGuard();
        Guard slowReserving = new ReservingGuard() {
            @Override
            public String name() {
                return "stuck";
            }

            @Override
            public Verdict check(ActionRequest request) throws InterruptedException {
                stuck.await();
                return Verdict.allow();
            }

            @Override
            public Duration budget() {
                return Duration.ofMillis(50);
            }

            @Override
            public void confirm(ActionRequest request, String platformId) {}

            @Override
            public void release(ActionRequest request) {
                called.add("released " + Thread.currentThread().isInterrupted());
                if (stuck.getCount() == 0) {
                    finished.countDown();
                }
            }
        };
        try (GuardChain chain = new GuardChain(List.of(guard("first", Verdict.allow()), slowReserving, later))) {
            Decision d = chain.evaluate(Requests.post("hello"));

            assertThat(d.guard()).isEqualTo("stuck");
            assertThat(d.verdict()).isInstanceOfSatisfying(Verdict.Deny.class, deny -> {
                assertThat(deny.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE);
                assertThat(deny.message()).contains("did not answer within its budget of 50 ms");
            });

            stuck.countDown();
            assertThat(finished.await(5, java.util.concurrent.TimeUnit.SECONDS))
                    .as("the late guard gives back what it took")
                    .isTrue();
            assertThat(called).contains("released false");
            assertThat(later.settlements()).as("no guard after it ran").isEmpty();
        }
    }

    @Test
    void aGuardThatAnswersAfterItsBudgetIsNotTrusted() {
        AtomicLong nanos = new AtomicLong();
        Guard slow = new Guard() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public Verdict check(ActionRequest request) {
                nanos.addAndGet(Duration.ofSeconds(2).toNanos());
                return Verdict.allow();
            }

            @Override
            public Duration budget() {
                return Duration.ofSeconds(1);
            }
        };
        try (GuardChain chain = new GuardChain(List.of(slow), nanos::get)) {
            Decision d = chain.evaluate(Requests.post("hello"));

            assertThat(d.verdict()).isInstanceOfSatisfying(Verdict.Deny.class, deny -> {
                assertThat(deny.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE);
                assertThat(deny.message()).contains("budget of 1000 ms");
            });
        }
    }

    @Test
    void aClosedChainDenies() {
        GuardChain chain = new GuardChain(List.of(guard("a", Verdict.allow())));
        chain.close();

        Decision d = chain.evaluate(Requests.post("hello"));

        assertThat(d.verdict())
                .isInstanceOfSatisfying(
                        Verdict.Deny.class, deny -> assertThat(deny.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE));
    }

    @Test
    void aRefusalReleasesWhatEarlierGuardsReserved() {
        RecordingReservingGuard reserving = new RecordingReservingGuard();
        try (GuardChain chain =
                new GuardChain(List.of(reserving, guard("consent", Verdict.deny(ReasonCode.NO_CONSENT, "no"))))) {
            chain.evaluate(Requests.post("hello"));

            assertThat(reserving.settlements()).containsExactly("release");
        }
    }

    @Test
    void guardsAfterTheRefusingOneAreNotReleasedBecauseTheyNeverSawTheRequest() {
        RecordingReservingGuard later = new RecordingReservingGuard();
        try (GuardChain chain =
                new GuardChain(List.of(guard("consent", Verdict.deny(ReasonCode.NO_CONSENT, "no")), later))) {
            chain.evaluate(Requests.post("hello"));

            assertThat(later.settlements()).isEmpty();
        }
    }

    @Test
    void anAllowLeavesReservationsForTheCallerToSettle() {
        RecordingReservingGuard reserving = new RecordingReservingGuard();
        try (GuardChain chain = new GuardChain(List.of(reserving))) {
            Decision d = chain.evaluate(Requests.post("hello"));
            assertThat(reserving.settlements()).isEmpty();

            chain.confirm(Requests.post("hello"), "42");
            assertThat(d.allows()).isTrue();
            assertThat(reserving.settlements()).containsExactly("confirm 42");
        }
    }

    @Test
    void everyReasonCodeCitesARuleWithASource() {
        for (ReasonCode code : ReasonCode.values()) {
            assertThat(code.rule()).as(code.name()).isNotNull();
            assertThat(code.rule().source()).as(code.name()).isNotBlank();
            assertThat(code.rule().summary()).as(code.name()).isNotBlank();
        }
    }
}
