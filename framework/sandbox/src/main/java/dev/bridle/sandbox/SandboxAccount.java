package dev.bridle.sandbox;

import java.util.Objects;

/**
 * A bot account in the sandbox: a user that can act through the API because it holds an access token.
 *
 * @param handle the screen name, without {@code @}
 * @param userId the numeric user id as a string, as the API reports it
 * @param displayName the profile name
 * @param accessToken sent as {@code oauth_token}
 * @param accessTokenSecret the secret half of the token, part of the signing key
 */
public record SandboxAccount(
        String handle, String userId, String displayName, String accessToken, String accessTokenSecret) {

    public SandboxAccount {
        SimulatedUser.requireHandle(handle);
        SimulatedUser.requireUserId(userId);
        Objects.requireNonNull(displayName, "displayName");
        SandboxApp.requireText(accessToken, "accessToken");
        SandboxApp.requireText(accessTokenSecret, "accessTokenSecret");
    }

    /** Keeps the token secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "SandboxAccount[handle=" + handle + ", userId=" + userId + ", accessToken=" + accessToken
                + ", accessTokenSecret=***]";
    }
}
