package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.bot.Account;
import dev.bridle.guard.ActionKind;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.RateLimitFeedback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import twitter4j.HttpClient;
import twitter4j.HttpClientFactory;
import twitter4j.HttpParameter;
import twitter4j.HttpResponse;
import twitter4j.JSONObject;
import twitter4j.RateLimitStatus;
import twitter4j.TwitterException;
import twitter4j.auth.OAuthAuthorization;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/**
 * One account's signed connection to the platform, and the one seam every request of the adapter passes: what the
 * platform last said of its limits ({@link PlatformLimits}: no request it has said it will refuse), then twitter4j's
 * own {@code HttpClient} signing with its {@code OAuthAuthorization} (OAuth 1.0a user context; the endpoints X serves
 * app-only carry the app's bearer token instead, from {@link AppBearer}), then the {@code x-rate-limit-*} headers and
 * the refusals reported through the port ({@link RateLimitFeedback}), then errors classified. The credentials are
 * revealed here, into twitter4j's configuration, and nowhere else; that configuration prints them in its
 * {@code toString}, so it never leaves this class.
 */
final class SignedHttp {

    private static final Logger log = LoggerFactory.getLogger(SignedHttp.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A twitter4j call. */
    @FunctionalInterface
    private interface Call {
        HttpResponse run() throws TwitterException;
    }

    private final String handle;
    private final Supplier<Account> account;
    private final HttpClient http;
    private final OAuthAuthorization auth;
    /** The app's bearer token, for the endpoints X serves app-only; shared by the app's accounts. */
    private final AppBearer app;
    /** Asked before each request. */
    private final PlatformLimits limits;
    /** The same state, told through the platform's port only. */
    private final RateLimitFeedback feedback;

    private final Clock clock;
    private final WireTap tap;

    SignedHttp(
            String handle,
            Supplier<Account> account,
            Credentials credentials,
            Duration connectTimeout,
            Duration readTimeout,
            PlatformLimits limits,
            Clock clock,
            WireTap tap,
            AppBearer app) {
        this.handle = handle;
        this.account = account;
        Configuration conf = new ConfigurationBuilder()
                .setOAuthConsumerKey(credentials.consumerKey().reveal())
                .setOAuthConsumerSecret(credentials.consumerSecret().reveal())
                .setOAuthAccessToken(credentials.accessToken().reveal())
                .setOAuthAccessTokenSecret(credentials.accessTokenSecret().reveal())
                .setHttpConnectionTimeout((int) connectTimeout.toMillis())
                .setHttpReadTimeout((int) readTimeout.toMillis())
                .setHttpRetryCount(0) // retries are the dispatcher's decision, never the transport's
                .setDebugEnabled(false)
                .build();
        this.http = HttpClientFactory.getInstance(conf.getHttpClientConfiguration());
        this.auth = new OAuthAuthorization(conf);
        this.app = app;
        this.limits = limits;
        this.feedback = limits;
        this.clock = clock;
        this.tap = tap;
    }

    Response get(Endpoint endpoint, String url, Map<String, String> query) throws PlatformException {
        HttpParameter[] params = query.entrySet().stream()
                .map(e -> new HttpParameter(e.getKey(), e.getValue()))
                .toArray(HttpParameter[]::new);
        String full = params.length == 0 ? url : url + "?" + HttpParameter.encodeParameters(params);
        return call(endpoint, full, null, () -> http.get(url, params, auth, null));
    }

    /**
     * A JSON POST. Its URL must not carry a query string: twitter4j 4.0.7 signs a JSON body as a parameter with a null
     * name, and sorting it against a query parameter that sorts after {@code oauth_version} throws inside twitter4j
     * (and the platform signs no JSON body anyway).
     */
    Response postJson(Endpoint endpoint, String url, ObjectNode body) throws PlatformException {
        if (url.indexOf('?') >= 0) {
            throw new IllegalArgumentException(endpoint + ": a JSON POST must not have a query string: " + url);
        }
        String json = write(body);
        HttpParameter[] params = {new HttpParameter(new JSONObject(json))};
        return call(endpoint, url, json, () -> http.post(url, params, auth, null));
    }

    /** A form-encoded POST (v1.1), every parameter signed. */
    Response postForm(Endpoint endpoint, String url, Map<String, String> form) throws PlatformException {
        HttpParameter[] params = form.entrySet().stream()
                .map(e -> new HttpParameter(e.getKey(), e.getValue()))
                .toArray(HttpParameter[]::new);
        return call(endpoint, url, HttpParameter.encodeParameters(params), () -> http.post(url, params, auth, null));
    }

    Response delete(Endpoint endpoint, String url) throws PlatformException {
        return call(endpoint, url, null, () -> http.delete(url, null, auth, null));
    }

    /** A GET X serves with the app's bearer token only (app-only), not the account's signature. */
    Response getAsApp(Endpoint endpoint, String url, Map<String, String> query) throws PlatformException {
        HttpParameter[] params = query.entrySet().stream()
                .map(e -> new HttpParameter(e.getKey(), e.getValue()))
                .toArray(HttpParameter[]::new);
        String full = params.length == 0 ? url : url + "?" + HttpParameter.encodeParameters(params);
        return asApp(endpoint, full, null, bearer -> http.get(url, params, bearer, null));
    }

    /** A JSON POST X serves with the app's bearer token only; nothing is signed, so a query string would be safe. */
    Response postJsonAsApp(Endpoint endpoint, String url, ObjectNode body) throws PlatformException {
        String json = write(body);
        HttpParameter[] params = {new HttpParameter(new JSONObject(json))};
        return asApp(endpoint, url, json, bearer -> http.post(url, params, bearer, null));
    }

    /** A twitter4j call with an app-only authorization. */
    @FunctionalInterface
    private interface AppCall {
        HttpResponse run(twitter4j.auth.Authorization bearer) throws TwitterException;
    }

    /**
     * A call with the app's bearer token. A 401 means the platform no longer takes the token (invalidated, or
     * replaced): it is forgotten and the call made once more with a new one; a 401 then is the answer. Nothing was
     * applied on a 401, so a write may be sent again.
     */
    private Response asApp(Endpoint endpoint, String url, String body, AppCall call) throws PlatformException {
        AppBearer.Lease lease = app.lease();
        try {
            return call(endpoint, url, body, () -> call.run(lease.authorization()));
        } catch (PlatformException refused) {
            if (refused.httpStatus() != 401) {
                throw refused;
            }
            log.debug("@{} {}: the app's bearer token was refused; fetching a new one", handle, endpoint);
            app.forget(lease);
            AppBearer.Lease fresh = app.lease();
            return call(endpoint, url, body, () -> call.run(fresh.authorization()));
        }
    }

    private Response call(Endpoint endpoint, String url, String body, Call call) throws PlatformException {
        refuseIfClosed(endpoint);
        tap.sending(endpoint, url, body);
        HttpResponse res;
        try {
            res = call.run();
        } catch (TwitterException e) {
            throw failure(endpoint, e);
        }
        observe(
                endpoint,
                res.getResponseHeader("x-rate-limit-limit"),
                res.getResponseHeader("x-rate-limit-remaining"),
                res.getResponseHeader("x-rate-limit-reset"));
        log.debug("@{} {} answered {}", handle, endpoint, res.getStatusCode());
        try {
            return new Response(res.getStatusCode(), JSON.readTree(res.asString()));
        } catch (TwitterException | JsonProcessingException | RuntimeException e) {
            // A 2xx for a write means it was applied, but without a readable body its id is unknown.
            throw new PlatformException(
                    endpoint.writes() ? PlatformException.Kind.IN_DOUBT : PlatformException.Kind.NOT_APPLIED,
                    endpoint + " answered " + res.getStatusCode() + " with a body that could not be read",
                    res.getStatusCode(),
                    -1,
                    null,
                    null);
        }
    }

    private PlatformException failure(Endpoint endpoint, TwitterException e) {
        int status = e.getStatusCode();
        if (status <= 0) {
            return ErrorClassifier.network(endpoint, e.getCause());
        }
        RateLimitStatus rate = e.getRateLimitStatus();
        Instant rateReset = null;
        if (rate != null) {
            rateReset = Instant.ofEpochSecond(rate.getResetTimeInSeconds());
            observe(endpoint, rate.getLimit(), rate.getRemaining(), rateReset);
        }
        JsonNode body = errorBody(e);
        int code = e.getErrorCode() > 0
                ? e.getErrorCode()
                : body.path("errors").path(0).path("code").asInt(-1);
        Instant now = clock.instant();
        PlatformException failure = ErrorClassifier.classify(
                endpoint, status, code, body, rateReset, epochHeader(e, "x-user-limit-24hour-reset"), now);
        if (failure.kind() == PlatformException.Kind.RATE_LIMITED
                || failure.kind() == PlatformException.Kind.DAILY_LIMIT) {
            refused(endpoint, failure);
        }
        log.debug("@{} {} failed: {}", handle, endpoint, failure.getMessage());
        return failure;
    }

    private void observe(Endpoint endpoint, String limit, String remaining, String reset) {
        try {
            if (remaining != null && reset != null) {
                observe(
                        endpoint,
                        limit == null ? -1 : Long.parseLong(limit.trim()),
                        Long.parseLong(remaining.trim()),
                        Instant.ofEpochSecond(Long.parseLong(reset.trim())));
            }
        } catch (NumberFormatException malformed) {
            log.debug("@{} {}: unreadable rate-limit headers", handle, endpoint);
        }
    }

    private void observe(Endpoint endpoint, long limit, long remaining, Instant reset) {
        if (endpoint.kinds().isEmpty()) {
            feedback.observedRead(account.get(), endpoint.id(), limit, remaining, reset);
        }
        for (ActionKind kind : endpoint.kinds()) {
            feedback.observed(account.get(), kind, limit, remaining, reset);
        }
    }

    /** The platform refused {@code endpoint} until {@code failure.retryAt()}: a 429 or a daily limit. */
    private void refused(Endpoint endpoint, PlatformException failure) {
        Instant until = failure.retryAt();
        if (until == null) {
            return;
        }
        if (endpoint.kinds().isEmpty()) {
            feedback.observedRead(account.get(), endpoint.id(), -1, 0, until);
        }
        for (ActionKind kind : endpoint.kinds()) {
            if (failure.kind() == PlatformException.Kind.DAILY_LIMIT) {
                feedback.dailyLimitReached(account.get(), kind, until, failure.errorCode());
            } else {
                feedback.exhausted(account.get(), kind, until);
            }
        }
    }

    /**
     * Throws, with no request made, while the platform's refusal of {@code endpoint} for this account holds: the
     * platform never sees a request it has already said it will refuse. Reads are refused too (polling after a 429
     * waits for the reset like anything else).
     */
    private void refuseIfClosed(Endpoint endpoint) throws PlatformException {
        Optional<PlatformLimits.Refusal> refusal = endpoint.kinds().isEmpty()
                ? limits.refusalOfRead(account.get(), endpoint.id())
                : endpoint.kinds().stream()
                        .map(kind -> limits.refusal(account.get(), kind))
                        .flatMap(Optional::stream)
                        .max(Comparator.comparing(PlatformLimits.Refusal::until));
        if (refusal.isEmpty()) {
            return;
        }
        PlatformLimits.Refusal r = refusal.get();
        String what = r.daily() ? "daily limit" : "rate limit";
        throw new PlatformException(
                r.daily() ? PlatformException.Kind.DAILY_LIMIT : PlatformException.Kind.RATE_LIMITED,
                endpoint + ": the platform's " + what + " for @" + handle + " is used up until " + r.until()
                        + "; no request was made",
                -1,
                r.errorCode(),
                r.until(),
                null);
    }

    /**
     * The error body. When it has an {@code errors} array twitter4j keeps only its first code and message; otherwise (a
     * v2 problem body) the body is its message, after a line about the status.
     */
    static JsonNode errorBody(TwitterException e) {
        if (e.getErrorCode() > 0 && e.getErrorMessage() != null) {
            ObjectNode body = JSON.createObjectNode();
            body.putArray("errors").addObject().put("code", e.getErrorCode()).put("message", e.getErrorMessage());
            return body;
        }
        String text = e.getMessage();
        int start = text == null ? -1 : text.indexOf('{');
        if (start < 0) {
            return MissingNode.getInstance();
        }
        try {
            return JSON.readTree(text.substring(start));
        } catch (JsonProcessingException notJson) {
            return MissingNode.getInstance();
        }
    }

    /** An epoch-seconds header of an error answer; twitter4j looks names up case-sensitively and throws when absent. */
    private static Instant epochHeader(TwitterException e, String name) {
        for (String candidate : new String[] {name, capitalised(name)}) {
            try {
                String value = e.getResponseHeader(candidate);
                if (value != null) {
                    return Instant.ofEpochSecond(Long.parseLong(value.trim()));
                }
            } catch (RuntimeException absentOrMalformed) {
                // try the next spelling
            }
        }
        return null;
    }

    private static String capitalised(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static String write(ObjectNode body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always writes", e);
        }
    }
}
