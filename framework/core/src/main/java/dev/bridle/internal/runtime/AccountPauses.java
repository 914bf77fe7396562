package dev.bridle.internal.runtime;

import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.platform.PlatformException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records what the platform said of an account in {@link AccountHealth}: refused or bad credentials pause it until an
 * operator resumes it; a daily limit pauses the kinds of action that share it until the window ends. A store that
 * cannot record the pause is logged: the platform refuses the account either way, and the next refusal tries again.
 */
final class AccountPauses {

    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);

    private final AccountHealth health;

    /** @param health the registry, or {@code null} for none (a refused account is then only logged) */
    AccountPauses(AccountHealth health) {
        this.health = health;
    }

    /** The platform refused {@code request}'s account: it is paused until an operator resumes it. */
    void pauseAccount(ActionRequest request, PlatformException e) {
        if (health == null) {
            log.error(
                    "the platform refused @{} ({}); no account health registry, so it is not paused",
                    request.account().handle(),
                    Errors.describe(e));
            return;
        }
        try {
            health.pause(request.account().handle(), e);
        } catch (RuntimeException storeDown) {
            log.error("could not record the pause of @{}", request.account().handle(), storeDown);
        }
    }

    /** The account's daily limit for {@code request}'s kind is reached until {@code until}. */
    void pauseKinds(ActionRequest request, Instant until, int errorCode) {
        if (health == null) {
            return;
        }
        try {
            health.pauseKinds(
                    request.account().handle(), AccountHealth.sharingDailyLimit(request.kind()), until, errorCode);
        } catch (RuntimeException storeDown) {
            log.error(
                    "could not record the daily limit of @{}", request.account().handle(), storeDown);
        }
    }
}
