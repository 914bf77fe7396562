package dev.bridle.sandbox.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bridle.sandbox.AccountFlag;
import dev.bridle.sandbox.SandboxRequest;
import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.internal.SandboxServices;
import dev.bridle.sandbox.internal.api.ApiError;
import dev.bridle.sandbox.internal.api.ApiException;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.api.ErrorRenderer;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.api.RouteTable;
import dev.bridle.sandbox.internal.limits.RateLimit;
import dev.bridle.sandbox.internal.limits.RateWindows.RateStatus;
import dev.bridle.sandbox.internal.oauth.Param;
import dev.bridle.sandbox.internal.oauth.PercentCodec;
import dev.bridle.sandbox.internal.oauth.SignatureBase;
import dev.bridle.sandbox.internal.oauth.Verification;
import dev.bridle.sandbox.internal.oauth2.BearerCheck;
import dev.bridle.sandbox.internal.world.UserRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one path every {@code /1.1/} and {@code /2/} request takes: route → OAuth 1.0a and account lock (or, on an
 * app-only route, the bearer token) → rate window → fault plan → write permission → handler → answer with rate-limit
 * headers.
 */
public final class ApiDispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);

    private final SandboxServices services;
    private final RouteTable routes;

    public ApiDispatcher(SandboxServices services, RouteTable routes) {
        this.services = services;
        this.routes = routes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            dispatch(exchange);
        } catch (RuntimeException | IOException e) {
            LOG.warn("sandbox failed to answer {} {}", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            try {
                ApiResponse r = ErrorRenderer.render(ApiVersion.V2, ErrorCode.INTERNAL_ERROR.error());
                HttpIo.write(exchange, r.status(), r.body(), Map.of());
            } catch (IOException | RuntimeException ignored) {
                // the connection is gone; nothing else to tell the client
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            exchange.close();
        }
    }

    private void dispatch(HttpExchange exchange) throws IOException, InterruptedException {
        Outcome outcome = new Outcome(exchange);
        try {
            dispatch(exchange, outcome);
        } finally {
            outcome.log(-1);
        }
    }

    /**
     * What the request log records about one request. It is logged before the answer (or the dropped connection)
     * reaches the client, so a test that has its answer also sees the log entry.
     */
    private final class Outcome {
        private final HttpExchange exchange;
        String endpoint;
        String account;
        private boolean logged;

        Outcome(HttpExchange exchange) {
            this.exchange = exchange;
        }

        void log(int status) {
            if (!logged) {
                logged = true;
                services.requests()
                        .add(new SandboxRequest(
                                services.clock().instant(),
                                exchange.getRequestMethod().toUpperCase(Locale.ROOT),
                                exchange.getRequestURI().getPath(),
                                endpoint,
                                account,
                                status));
            }
        }
    }

    private void dispatch(HttpExchange exchange, Outcome outcome) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        ApiVersion version = path.startsWith("/1.1/") ? ApiVersion.V1 : ApiVersion.V2;
        byte[] body = HttpIo.body(exchange);
        Optional<RouteTable.Matched> matched = routes.match(method, path);
        Instant now = services.clock().instant();
        if (matched.isEmpty()) {
            respond(
                    exchange,
                    outcome,
                    ErrorRenderer.render(version, ErrorCode.PAGE_NOT_FOUND.error()),
                    services.windows().peek("unauthenticated", services.rateLimit(method + " " + path), now));
            return;
        }
        Route route = matched.get().route();
        outcome.endpoint = route.endpointId();
        RateLimit limit = services.rateLimit(route.endpointId());

        String contentType = HttpIo.header(exchange, "Content-Type");
        List<Param> query = PercentCodec.parseForm(exchange.getRequestURI().getRawQuery());
        List<Param> form = contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")
                ? PercentCodec.parseForm(new String(body, StandardCharsets.UTF_8))
                : List.of();
        String host = hostOf(exchange);
        Caller caller = route.auth() == Route.Auth.APP_ONLY
                ? app(exchange, outcome, route, limit, now)
                : user(exchange, outcome, route, limit, now, method, host, query, form);
        if (caller == null) {
            return;
        }
        RateStatus rate = services.windows().consume(caller.rateKey(), limit, now);
        if (rate.exceeded()) {
            respond(
                    exchange,
                    outcome,
                    ErrorRenderer.render(route.version(), limit.whenOver().error()),
                    rate);
            return;
        }

        Fault fault = services.faults().next(method, route.template());
        if (fault instanceof Fault.Latency latency) {
            services.sleeper().sleep(latency.delay());
        } else if (fault instanceof Fault.Status status) {
            if (status.status() == 429) {
                rate = services.windows().exhaust(caller.rateKey(), limit, now);
            }
            respond(exchange, outcome, ErrorRenderer.render(route.version(), errorFor(status.status())), rate);
            return;
        } else if (fault instanceof Fault.PlatformError error) {
            respond(
                    exchange,
                    outcome,
                    ErrorRenderer.render(
                            route.version(), ApiError.custom(error.status(), error.code(), error.message())),
                    rate);
            return;
        } else if (fault instanceof Fault.DropBefore) {
            dropped(caller);
            outcome.log(-1);
            HttpIo.drop(exchange);
            return;
        }

        ApiResponse response;
        UserRecord user = caller.user();
        if (route.isWrite() && user != null && user.has(AccountFlag.WRITE_RESTRICTED)) {
            response = ErrorRenderer.render(route.version(), ErrorCode.WRITE_RESTRICTED.error());
        } else {
            ApiRequest request = new ApiRequest(
                    user,
                    matched.get().pathParams(),
                    query,
                    form,
                    contentType,
                    body,
                    "http://" + host + "/",
                    caller.consumerKey());
            try {
                response = route.handler().handle(request);
            } catch (ApiException e) {
                response = ErrorRenderer.render(route.version(), e.error());
            }
        }
        if (fault instanceof Fault.DropAfter) {
            dropped(caller);
            outcome.log(-1);
            HttpIo.drop(exchange);
            return;
        }
        respond(exchange, outcome, response, rate);
    }

    /**
     * Who is calling, once authenticated.
     *
     * @param user the account that signed (OAuth 1.0a), or null for an app-only bearer token
     * @param consumerKey the app
     * @param rateKey whose rate windows the request counts against: the account's, or the app's for a bearer token
     *     (app-only requests have their own pool on X)
     * @param nonceKey the signature's nonce key (so a dropped request's re-send is dropped too), or null
     */
    private record Caller(UserRecord user, String consumerKey, String rateKey, String nonceKey) {}

    /** An OAuth 1.0a user-context caller, or null once the refusal was answered. */
    private Caller user(
            HttpExchange exchange,
            Outcome outcome,
            Route route,
            RateLimit limit,
            Instant now,
            String method,
            String host,
            List<Param> query,
            List<Param> form)
            throws IOException {
        Verification verification = services.verifier()
                .verify(
                        method,
                        SignatureBase.baseUrl(
                                "http", host, exchange.getRequestURI().getRawPath()),
                        query,
                        form,
                        exchange.getRequestHeaders().getFirst("Authorization"));
        if (verification instanceof Verification.Rejected rejected) {
            LOG.debug("refused {} {}: {}", method, route.template(), rejected.reason());
            respond(
                    exchange,
                    outcome,
                    ErrorRenderer.render(route.version(), rejected.error().error()),
                    services.windows().peek("unauthenticated", limit, now));
            return null;
        }
        if (verification instanceof Verification.DroppedReplay) {
            outcome.log(-1);
            HttpIo.drop(exchange);
            return null;
        }
        Verification.Verified verified = (Verification.Verified) verification;
        UserRecord user = services.world().userById(verified.userId()).orElseThrow();
        outcome.account = user.handle();
        if (user.has(AccountFlag.LOCKED)) {
            respond(
                    exchange,
                    outcome,
                    ErrorRenderer.render(route.version(), ErrorCode.LOCKED.error()),
                    services.windows().peek(user.id(), limit, now));
            return null;
        }
        return new Caller(user, verified.consumerKey(), user.id(), verified.nonceKey());
    }

    /**
     * An app-only caller (a bearer token the sandbox issued), or null once the refusal was answered: a user-context
     * signature here is X's 403, not a 401, so it is told apart from a missing or stale token.
     */
    private Caller app(HttpExchange exchange, Outcome outcome, Route route, RateLimit limit, Instant now)
            throws IOException {
        BearerCheck.Outcome checked =
                services.bearerCheck().check(exchange.getRequestHeaders().getFirst("Authorization"));
        if (checked instanceof BearerCheck.Refused refused) {
            LOG.debug("refused {}: {}", route.endpointId(), refused.reason());
            respond(
                    exchange,
                    outcome,
                    ErrorRenderer.render(route.version(), refused.error().error()),
                    services.windows().peek("unauthenticated", limit, now));
            return null;
        }
        String consumerKey = ((BearerCheck.Granted) checked).consumerKey();
        return new Caller(null, consumerKey, "app:" + consumerKey, null);
    }

    private void dropped(Caller caller) {
        if (caller.nonceKey() != null) {
            services.verifier().markDropped(caller.nonceKey());
        }
    }

    private static ApiError errorFor(int status) {
        return switch (status) {
            case 429 -> ErrorCode.RATE_LIMITED.error();
            case 500 -> ErrorCode.INTERNAL_ERROR.error();
            case 503 -> ErrorCode.OVER_CAPACITY.error();
            default -> ApiError.custom(status, 131, ApiError.titleOf(status));
        };
    }

    private static String hostOf(HttpExchange exchange) {
        String host = exchange.getRequestHeaders().getFirst("Host");
        if (host == null || host.isBlank()) {
            return exchange.getLocalAddress().getHostString() + ":"
                    + exchange.getLocalAddress().getPort();
        }
        return host.trim();
    }

    private static void respond(HttpExchange exchange, Outcome outcome, ApiResponse response, RateStatus rate)
            throws IOException {
        outcome.log(response.status());
        Map<String, String> headers = new LinkedHashMap<>(response.headers());
        if (rate != null) {
            headers.put("x-rate-limit-limit", Integer.toString(rate.limit()));
            headers.put("x-rate-limit-remaining", Integer.toString(rate.remaining()));
            headers.put("x-rate-limit-reset", Long.toString(rate.reset()));
        }
        HttpIo.write(exchange, response.status(), response.body(), headers);
    }
}
