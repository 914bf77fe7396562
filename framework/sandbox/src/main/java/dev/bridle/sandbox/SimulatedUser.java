package dev.bridle.sandbox;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person in the sandbox who does not use the API: the bots mention, reply to, follow and message them, and they talk
 * back through the admin API or a scripted {@link dev.bridle.sandbox.audience.AudienceScript}.
 *
 * @param handle the screen name, without {@code @}
 * @param userId the numeric user id, or {@code null} to have one generated
 * @param displayName the profile name
 * @param acceptsDms whether direct messages to this user are accepted (otherwise the sender gets code 349)
 */
public record SimulatedUser(String handle, String userId, String displayName, boolean acceptsDms) {

    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
    private static final Pattern USER_ID = Pattern.compile("[1-9][0-9]{0,18}");

    public SimulatedUser {
        requireHandle(handle);
        if (userId != null) {
            requireUserId(userId);
        }
        Objects.requireNonNull(displayName, "displayName");
    }

    /** A user with a generated id, a capitalised display name, who accepts direct messages. */
    public static SimulatedUser named(String handle) {
        requireHandle(handle);
        return new SimulatedUser(handle, null, Character.toUpperCase(handle.charAt(0)) + handle.substring(1), true);
    }

    /** The same user, with direct messages closed. */
    public SimulatedUser rejectingDms() {
        return new SimulatedUser(handle, userId, displayName, false);
    }

    /** The same user, with a fixed id. */
    public SimulatedUser withUserId(String id) {
        return new SimulatedUser(handle, id, displayName, acceptsDms);
    }

    static void requireHandle(String handle) {
        if (handle == null || !HANDLE.matcher(handle).matches()) {
            throw new IllegalArgumentException("handle must be 1-15 letters, digits or '_' (no '@'): " + handle);
        }
    }

    static void requireUserId(String userId) {
        if (userId == null || !USER_ID.matcher(userId).matches()) {
            throw new IllegalArgumentException(
                    "user id must be a positive decimal number of at most 19 digits: " + userId);
        }
    }
}
