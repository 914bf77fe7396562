package dev.bridle.internal.read;

import dev.bridle.bot.ReasonCode;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.health.AccountPause;
import java.util.Objects;
import java.util.Optional;

/**
 * Nothing is sent as an account the platform refused until an operator resumes it, reads included: a read as a paused
 * account is refused ({@link ReasonCode#ACCOUNT_PAUSED}) before any request, as the action chain's account-health guard
 * refuses its actions. The pause itself comes from the platform's answers, to actions or to reads.
 */
public final class AccountPauseReadStep implements ReadStep {

    private final AccountHealth health;

    public AccountPauseReadStep(AccountHealth health) {
        this.health = Objects.requireNonNull(health, "health");
    }

    @Override
    public String name() {
        return "AccountPauseReadStep";
    }

    @Override
    public String rule() {
        return ReasonCode.ACCOUNT_PAUSED.rule().summary();
    }

    @Override
    public Optional<ReadRefusal> check(ReadRequest request) {
        Optional<AccountPause> pause = health.pauseOf(request.account());
        return pause.map(
                p -> new ReadRefusal(ReasonCode.ACCOUNT_PAUSED, name(), "@" + p.handle() + " is " + p.describe()));
    }
}
