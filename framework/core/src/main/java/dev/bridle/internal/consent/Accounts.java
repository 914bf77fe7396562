package dev.bridle.internal.consent;

import java.util.Locale;

/**
 * Account keys of consent and opt-out records: {@code *} for all of the operator's accounts, else the handle in lower
 * case.
 */
public final class Accounts {

    private Accounts() {}

    /** The key of {@code handle} (with or without {@code @}); {@code *} stays {@code *}. */
    public static String key(String handle) {
        if (handle == null || handle.isBlank()) {
            throw new IllegalArgumentException("an account is a handle, or * for every account");
        }
        String h = handle.startsWith("@") ? handle.substring(1) : handle;
        return h.equals(ConsentEvent.ALL_ACCOUNTS) ? h : h.toLowerCase(Locale.ROOT);
    }

    /** How people read a key: {@code every account} or {@code @handle}. */
    public static String describe(String key) {
        return key.equals(ConsentEvent.ALL_ACCOUNTS) ? "every account" : "@" + key;
    }
}
