package dev.bridle.internal.runtime;

import dev.bridle.bot.Account;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.health.PauseReason;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies every configured account's credentials with the platform as the runtime is assembled. An account the
 * platform refuses (bad or expired tokens, locked, flagged) is paused and left without a user id, so inbound polling
 * leaves it out; the others carry on. An account paused for bad credentials that verify again is resumed. Anything else
 * (the platform unreachable) stops the start.
 */
final class AccountVerification {

    private static final Logger log = LoggerFactory.getLogger(BridleRuntime.class);

    private final Platform platform;
    private final AccountHealth health;

    AccountVerification(Platform platform, AccountHealth health) {
        this.platform = platform;
        this.health = health;
    }

    /** The accounts by lower-case handle, in the configuration's order, with their user ids where verified. */
    Map<String, Account> verify(List<AccountConfig> accounts) {
        Map<String, Account> verified = new LinkedHashMap<>();
        for (AccountConfig account : accounts) {
            String key = account.handle().toLowerCase(Locale.ROOT);
            try {
                verified.put(key, platform.verifyCredentials(new Account(account.handle(), null)));
                resumeIfCredentialsPaused(key);
            } catch (PlatformException e) {
                if (e.kind() != PlatformException.Kind.BAD_CREDENTIALS
                        && e.kind() != PlatformException.Kind.ACCOUNT_RESTRICTED) {
                    throw new IllegalStateException(
                            "account @" + account.handle() + " could not be verified with the platform: "
                                    + e.getMessage(),
                            e);
                }
                health.pause(account.handle(), e);
                verified.put(key, new Account(account.handle(), null));
            }
        }
        return verified;
    }

    private void resumeIfCredentialsPaused(String handle) {
        health.pauseOf(handle)
                .filter(p -> p.reason() == PauseReason.BAD_CREDENTIALS)
                .ifPresent(p -> {
                    log.warn(
                            "@{} was paused for bad credentials ({}); they verify now, so it is resumed",
                            handle,
                            p.since());
                    health.resume(handle);
                });
    }
}
