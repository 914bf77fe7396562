package dev.bridle.internal.platform.twitter;

/**
 * Sees every request the adapter is about to send, after the rate-limit gate let it through and before it goes: the
 * tests' window on the one HTTP seam (golden request bodies, request counts). It never sees a header, so never a
 * credential.
 */
@FunctionalInterface
interface WireTap {

    /** Sees nothing. */
    WireTap NONE = (endpoint, url, body) -> {};

    /**
     * @param endpoint which endpoint
     * @param url the URL with its query string
     * @param body the JSON or form body, or {@code null}
     */
    void sending(Endpoint endpoint, String url, String body);
}
