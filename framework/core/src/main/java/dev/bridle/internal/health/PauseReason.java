package dev.bridle.internal.health;

import dev.bridle.platform.PlatformException;

/**
 * Why the platform made Bridle pause an account, with what an operator should do about it. Codes are the platform's
 * (shared/reference/x-api-and-bot-frameworks.md §2.5); a v2 answer without a code is classified by its problem type and
 * detail.
 */
public enum PauseReason {
    /** 326: the platform locked the account; a person must log in to unlock it. */
    LOCKED("log in to the account at https://x.com and unlock it"),
    /** 226: the platform thinks the account's requests look automated. */
    LOOKS_AUTOMATED("review what the bots sent from it, slow them down, and wait before resuming"),
    /** 261 (or v2 oauth1-permissions): the app may not write. */
    APP_CANNOT_WRITE("give the app read-and-write permission in the developer portal and regenerate the access token"),
    /** 64: the account is suspended. */
    SUSPENDED("appeal the suspension; nothing can be sent meanwhile"),
    /** 89 or 32 (HTTP 401): the access token is invalid or expired, or the keys are wrong. */
    BAD_CREDENTIALS("put valid credentials in the configuration; they are verified again at start-up"),
    /** Any other refusal of the account. */
    RESTRICTED("find out from the platform why it refused the account");

    private final String remedy;

    PauseReason(String remedy) {
        this.remedy = remedy;
    }

    /** What the operator should do before resuming the account. */
    public String remedy() {
        return remedy;
    }

    /** The reason for a failure of kind {@code ACCOUNT_RESTRICTED} or {@code BAD_CREDENTIALS}. */
    public static PauseReason of(PlatformException e) {
        if (e.kind() == PlatformException.Kind.BAD_CREDENTIALS) {
            return BAD_CREDENTIALS;
        }
        return switch (e.errorCode()) {
            case 326 -> LOCKED;
            case 226 -> LOOKS_AUTOMATED;
            case 261 -> APP_CANNOT_WRITE;
            case 64 -> SUSPENDED;
            case 89, 32 -> BAD_CREDENTIALS;
            default -> RESTRICTED;
        };
    }
}
