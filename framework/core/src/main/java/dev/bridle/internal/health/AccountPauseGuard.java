package dev.bridle.internal.health;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Account health (rule {@link Rule#ACCOUNT_HEALTH} and {@link Rule#PLATFORM_LIMITS}): denies every action of an account
 * the platform locked, flagged or refused ({@link ReasonCode#ACCOUNT_PAUSED}) until an operator resumes it, and defers
 * a kind of action while the account is over that kind's daily platform limit ({@link ReasonCode#DAILY_LIMIT}). It
 * reads {@link AccountHealth}, which the dispatcher fills from the platform's answers, so the platform is not asked
 * again what it already refused.
 */
public final class AccountPauseGuard implements Guard {

    private final AccountHealth health;

    public AccountPauseGuard(AccountHealth health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.ACCOUNT_HEALTH);
    }

    @Override
    public String name() {
        return "account-health";
    }

    @Override
    public Verdict check(ActionRequest request) {
        String handle = request.account().handle();
        Optional<AccountPause> pause = health.pauseOf(handle);
        if (pause.isPresent()) {
            return Verdict.deny(
                    ReasonCode.ACCOUNT_PAUSED,
                    "@" + pause.get().handle() + " is " + pause.get().describe());
        }
        Optional<Instant> until = health.pausedUntil(handle, request.kind());
        if (until.isPresent()) {
            return Verdict.defer(
                    until.get(),
                    ReasonCode.DAILY_LIMIT,
                    "@" + handle.toLowerCase(Locale.ROOT)
                            + " reached the platform's daily limit for "
                            + request.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                            + "s; its window ends at " + until.get());
        }
        return Verdict.allow();
    }
}
