package dev.bridle.internal.platform.twitter;

import dev.bridle.internal.config.Credentials;
import dev.bridle.platform.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import twitter4j.TwitterException;
import twitter4j.auth.Authorization;
import twitter4j.auth.OAuth2Authorization;
import twitter4j.auth.OAuth2Token;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/**
 * One app's app-only bearer token (OAuth 2.0 client credentials), which X asks for on the filtered stream's rules:
 * fetched through twitter4j's {@code OAuth2Authorization.getOAuth2Token()} ({@code POST BASE/oauth2/token}, the
 * consumer key and secret as HTTP Basic) the first time a call needs it, then kept for every account of the app, as X
 * gives an app one token until it is invalidated. {@link #forget} drops a token the platform no longer takes (a 401),
 * so the next call fetches a new one.
 *
 * <p>Each token lives in its own {@code OAuth2Authorization}, never changed after the fetch, so a request in flight
 * never sees its header change under it. The token and the consumer secret stay inside twitter4j's objects, whose
 * {@code toString} prints the token: they never leave this class, and nothing here logs or puts them in a message.
 */
final class AppBearer {

    /** A token in use: the authorization that sends it, and which fetch it came from. */
    record Lease(Authorization authorization, long generation) {
        /** Names the fetch only: the authorization's own {@code toString} prints the token. */
        @Override
        public String toString() {
            return "Lease[generation=" + generation + "]";
        }
    }

    private final Configuration conf;
    private final String tokenUrl;
    private final WireTap tap;
    private final Clock clock;
    private OAuth2Authorization current;
    private long generation;

    AppBearer(
            Credentials credentials,
            Urls urls,
            Duration connectTimeout,
            Duration readTimeout,
            Clock clock,
            WireTap tap) {
        this.tokenUrl = urls.base() + "oauth2/token";
        this.conf = new ConfigurationBuilder()
                .setApplicationOnlyAuthEnabled(true)
                .setOAuthConsumerKey(credentials.consumerKey().reveal())
                .setOAuthConsumerSecret(credentials.consumerSecret().reveal())
                .setOAuth2TokenURL(tokenUrl)
                .setOAuth2InvalidateTokenURL(urls.base() + "oauth2/invalidate_token")
                .setHttpConnectionTimeout((int) connectTimeout.toMillis())
                .setHttpReadTimeout((int) readTimeout.toMillis())
                .setHttpRetryCount(0)
                .setDebugEnabled(false)
                .build();
        this.clock = clock;
        this.tap = tap;
    }

    /** The app's token, fetched now if it has none. */
    synchronized Lease lease() throws PlatformException {
        if (current == null) {
            current = fetch();
            generation++;
        }
        return new Lease(current, generation);
    }

    /**
     * Forgets the token of {@code lease} (the platform refused it), unless another call has already replaced it: one
     * refusal seen by two calls fetches one new token, not two.
     */
    synchronized void forget(Lease lease) {
        if (lease.generation() == generation) {
            current = null;
        }
    }

    private OAuth2Authorization fetch() throws PlatformException {
        tap.sending(Endpoint.OAUTH2_TOKEN, tokenUrl, "grant_type=client_credentials");
        OAuth2Authorization auth = new OAuth2Authorization(conf);
        OAuth2Token token;
        try {
            token = auth.getOAuth2Token();
        } catch (TwitterException e) {
            throw failure(e);
        }
        if (token == null
                || token.getAccessToken() == null
                || token.getAccessToken().isEmpty()
                || !"bearer".equals(String.valueOf(token.getTokenType()).toLowerCase(Locale.ROOT))) {
            // X says to check token_type; an answer without a bearer token is not one to send on.
            throw new PlatformException(
                    PlatformException.Kind.NOT_APPLIED,
                    Endpoint.OAUTH2_TOKEN + " answered without a bearer token; the call that needed it was not made");
        }
        return auth;
    }

    /**
     * Why no token: the call that needed it was never made, so it is never in doubt. A 403 with code 99 is X's one
     * answer for credentials it cannot verify (application-only.mdx): bad credentials, as on any other endpoint.
     */
    private PlatformException failure(TwitterException e) {
        if (e.getStatusCode() <= 0) {
            Throwable cause = e.getCause();
            return new PlatformException(
                    PlatformException.Kind.NOT_APPLIED,
                    Endpoint.OAUTH2_TOKEN + " got no answer"
                            + (cause == null ? "" : ": " + cause.getClass().getSimpleName())
                            + "; no app-only bearer token, so the call that needed it was not made",
                    -1,
                    -1,
                    null,
                    cause);
        }
        int code = e.getErrorCode() > 0
                ? e.getErrorCode()
                : SignedHttp.errorBody(e).path("errors").path(0).path("code").asInt(-1);
        PlatformException classified = ErrorClassifier.classify(
                Endpoint.OAUTH2_TOKEN, e.getStatusCode(), code, SignedHttp.errorBody(e), null, null, clock.instant());
        PlatformException.Kind kind = code == 99
                ? PlatformException.Kind.BAD_CREDENTIALS
                : classified.kind() == PlatformException.Kind.IN_DOUBT
                        ? PlatformException.Kind.NOT_APPLIED
                        : classified.kind();
        return new PlatformException(
                kind,
                classified.getMessage() + " (no app-only bearer token; the call that needed it was not made)",
                classified.httpStatus(),
                classified.errorCode(),
                classified.retryAt(),
                null);
    }
}
