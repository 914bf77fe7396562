package dev.bridle.sandbox.internal.api;

/** Answers one authenticated API request; throws {@link ApiException} for a platform error. */
@FunctionalInterface
public interface Handler {
    ApiResponse handle(ApiRequest request);
}
