package dev.bridle.platform;

import java.time.Instant;
import java.util.Objects;

/**
 * A platform call that did not succeed, classified by what Bridle must do about it. Messages never carry credentials.
 */
public final class PlatformException extends Exception {

    /** What a failure means for the action and the account. */
    public enum Kind {
        /** Rate limit (HTTP 429, code 88): nothing happened; no request until {@link #retryAt()}. */
        RATE_LIMITED,
        /** A daily account limit (codes 185, 161, DM limits): this kind is paused until {@link #retryAt()}. */
        DAILY_LIMIT,
        /** The platform says the same account already posted this (code 187). */
        DUPLICATE,
        /** The account is locked, flagged or refused (226, 326, 261): pause it. */
        ACCOUNT_RESTRICTED,
        /** The credentials are bad or expired (89, 32): pause the account. */
        BAD_CREDENTIALS,
        /** The request certainly did not take effect (refused connection, error before the write): safe to retry. */
        NOT_APPLIED,
        /** The request may or may not have taken effect (timeout, reset, 5xx after the write): reconcile first. */
        IN_DOUBT,
        /** The platform refused the request and would refuse it again. */
        REJECTED
    }

    private final Kind kind;
    private final int httpStatus;
    private final int errorCode;
    private final Instant retryAt;

    public PlatformException(
            Kind kind, String message, int httpStatus, int errorCode, Instant retryAt, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.retryAt = retryAt;
    }

    public PlatformException(Kind kind, String message) {
        this(kind, message, -1, -1, null, null);
    }

    /** What the failure means. */
    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or -1 if there was no response. */
    public int httpStatus() {
        return httpStatus;
    }

    /** The platform's error code, or -1 if none was given. */
    public int errorCode() {
        return errorCode;
    }

    /** When the action may be tried again, or {@code null} if not known. */
    public Instant retryAt() {
        return retryAt;
    }
}
