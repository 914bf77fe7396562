package dev.bridle.sandbox.internal.oauth;

import dev.bridle.sandbox.internal.api.ErrorCode;

/** The outcome of checking one request's OAuth 1.0a signature. */
public sealed interface Verification {

    /** Signed correctly by a known app and account. */
    record Verified(String consumerKey, String userId, String nonceKey) implements Verification {}

    /** Refused, with the platform error to answer (32, 89 or 135) and a reason for the sandbox log. */
    record Rejected(ErrorCode error, String reason) implements Verification {}

    /** A re-send of a request whose connection the sandbox dropped: drop this one too. */
    record DroppedReplay(String nonceKey) implements Verification {}
}
