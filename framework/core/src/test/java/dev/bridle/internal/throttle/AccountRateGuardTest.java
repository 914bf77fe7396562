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
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountRateGuardTest {

    private final MutableClock clock = MutableClock.at(T0);

    private AccountRateGuard guard(ThrottleSettings settings) {
        return new AccountRateGuard(settings, new LocalBucketStore(clock), clock);
    }

    private static Instant deferredUntil(Verdict verdict) {
        assertThat(verdict).isInstanceOf(Verdict.Defer.class);
        return ((Verdict.Defer) verdict).until();
    }

    @Test
    void theDefaultHourlyPostLimitAllowsTenThenDefersTheEleventhUntilOneTokenIsBack() {
        AccountRateGuard guard = guard(ThrottleSettings.defaults());
        for (int i = 0; i < 10; i++) {
            assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        }

        Verdict eleventh = guard.check(Actions.post(ACME));

        // 10 per hour refills one token every 6 minutes.
        assertThat(deferredUntil(eleventh)).isEqualTo(T0.plus(Duration.ofMinutes(6)));
        Verdict.Defer defer = (Verdict.Defer) eleventh;
        assertThat(defer.code()).isEqualTo(ReasonCode.THROTTLED_ACCOUNT);
        assertThat(defer.code().rule()).isEqualTo(Rule.NO_BULK_ACTIONS);
        assertThat(defer.message()).contains("@acme_news", "post", "10 per hour", "50 per day");

        clock.set(T0.plus(Duration.ofMinutes(6)).minusNanos(1));
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);
        clock.set(T0.plus(Duration.ofMinutes(6)));
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);
    }

    @Test
    void everyDefaultKindAllowsExactlyItsHourlyCountAtOnce() {
        AccountRateGuard guard = guard(ThrottleSettings.defaults());
        for (ActionKind kind : ActionKind.values()) {
            long hourly =
                    ThrottleSettings.defaults().limitsFor(ACME, kind).get(0).count();
            for (long i = 0; i < hourly; i++) {
                assertThat(guard.check(request(kind))).as("%s #%d", kind, i + 1).isEqualTo(Verdict.allow());
            }
            Verdict next = guard.check(request(kind));
            assertThat(deferredUntil(next))
                    .as(kind.name())
                    .isEqualTo(T0.plus(Duration.ofHours(1).dividedBy(hourly)));
        }
    }

    @Test
    void everyDefaultKindSettlesAtExactlyItsDailyRateWhenDrivenAsFastAsAllowed() {
        for (ActionKind kind : ActionKind.values()) {
            MutableClock own = MutableClock.at(T0);
            AccountRateGuard guard = new AccountRateGuard(ThrottleSettings.defaults(), new LocalBucketStore(own), own);
            long daily =
                    ThrottleSettings.defaults().limitsFor(ACME, kind).get(1).count();
            java.util.List<Instant> allowed = new java.util.ArrayList<>();
            while (own.instant().isBefore(T0.plus(Duration.ofDays(3)))) {
                Verdict v = guard.check(request(kind));
                if (v.allows()) {
                    allowed.add(own.instant());
                } else {
                    own.set(((Verdict.Defer) v).until()); // come back exactly when told
                }
            }
            // After the first bursts, one every day/daily: 28m48s for 50 a day, 14m24s for 100, 57m36s for 25.
            Duration step = Duration.ofDays(1).dividedBy(daily);
            java.util.List<Instant> lastDay = allowed.stream()
                    .filter(t -> !t.isBefore(T0.plus(Duration.ofDays(2))))
                    .toList();
            for (int i = 1; i < lastDay.size(); i++) {
                assertThat(Duration.between(lastDay.get(i - 1), lastDay.get(i)))
                        .as("%s step %d", kind, i)
                        .isEqualTo(step);
            }
            assertThat(lastDay).as(kind.name()).hasSizeBetween((int) daily, (int) daily + 1);
        }
    }

    @Test
    void theDailyWindowDefersOnceTheHourlyOnesHaveRefilledEnough() {
        ThrottleSettings settings = ThrottleSettings.defaults()
                .withAccountLimits(ActionKind.POST, Limit.of(3, Duration.ofHours(1)), Limit.of(5, Duration.ofDays(1)));
        AccountRateGuard guard = guard(settings);
        for (int i = 0; i < 3; i++) {
            assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        }
        assertThat(deferredUntil(guard.check(Actions.post(ACME)))).isEqualTo(T0.plus(Duration.ofMinutes(20)));

        clock.set(T0.plus(Duration.ofMinutes(20)));
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        clock.set(T0.plus(Duration.ofMinutes(40)));
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());

        // Five used: the daily window (one token every 24h/5 = 4h48m) now decides, not the hourly one.
        clock.set(T0.plus(Duration.ofHours(1)));
        Instant until = deferredUntil(guard.check(Actions.post(ACME)));
        assertThat(until).isEqualTo(T0.plus(Duration.ofHours(4)).plus(Duration.ofMinutes(48)));
        clock.set(until.minusMillis(1));
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);
        clock.set(until);
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
    }

    @Test
    void accountsAndKindsHaveSeparateBuckets() {
        ThrottleSettings settings =
                ThrottleSettings.defaults().withAccountLimits(ActionKind.POST, Limit.of(1, Duration.ofHours(1)));
        AccountRateGuard guard = guard(settings);
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);

        assertThat(guard.check(Actions.post(BETA))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.directMessage(ACME, "42"))).isEqualTo(Verdict.allow());
    }

    @Test
    void anAccountOverrideReplacesTheDefaultForThatAccountOnly() {
        ThrottleSettings settings = ThrottleSettings.defaults()
                .withAccountOverride("@ACME_news", ActionKind.POST, Limit.of(2, Duration.ofHours(1)));
        AccountRateGuard guard = guard(settings);
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(deferredUntil(guard.check(Actions.post(ACME)))).isEqualTo(T0.plus(Duration.ofMinutes(30)));

        for (int i = 0; i < 10; i++) {
            assertThat(guard.check(Actions.post(BETA))).isEqualTo(Verdict.allow());
        }
    }

    @Test
    void aReleasedReservationGivesItsTokenBackOnceAndAConfirmedOneKeepsIt() {
        ThrottleSettings settings =
                ThrottleSettings.defaults().withAccountLimits(ActionKind.POST, Limit.of(2, Duration.ofHours(1)));
        AccountRateGuard guard = guard(settings);
        ActionRequest first = Actions.post(ACME);
        ActionRequest second = Actions.post(ACME);
        assertThat(guard.check(first)).isEqualTo(Verdict.allow());
        assertThat(guard.check(second)).isEqualTo(Verdict.allow());
        guard.confirm(first, "1789");

        guard.release(second);
        guard.release(second);
        guard.release(first); // confirmed: nothing to give back

        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);
    }

    @Test
    void aRefusedRequestHoldsNothingSoItsReleaseGivesNothingBack() {
        ThrottleSettings settings =
                ThrottleSettings.defaults().withAccountLimits(ActionKind.POST, Limit.of(1, Duration.ofHours(1)));
        AccountRateGuard guard = guard(settings);
        assertThat(guard.check(Actions.post(ACME))).isEqualTo(Verdict.allow());
        ActionRequest refused = Actions.post(ACME);
        assertThat(guard.check(refused)).isInstanceOf(Verdict.Defer.class);

        guard.release(refused);

        assertThat(guard.check(Actions.post(ACME))).isInstanceOf(Verdict.Defer.class);
    }

    private static ActionRequest request(ActionKind kind) {
        return switch (kind) {
            case POST -> Actions.post(ACME);
            case REPLY -> Actions.reply(ACME, "42", null);
            case DIRECT_MESSAGE -> Actions.directMessage(ACME, "42");
            case FOLLOW -> Actions.follow(ACME, "42");
            case UNFOLLOW -> Actions.unfollow(ACME, "42");
            case LIKE -> Actions.like(ACME, "555");
            case REPOST -> Actions.repost(ACME, "555");
        };
    }
}
