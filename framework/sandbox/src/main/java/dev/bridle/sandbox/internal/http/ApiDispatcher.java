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
 * The one path every {@code /1.1/} and {@code /2/} request takes: route → OAuth → account lock → rate window → fault
 * plan → write permission → handler → answer with rate-limit headers.
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
        Verification verification = services.verifier()
                .verify(
                        method,
                        SignatureBase.baseUrl(
                                "http", host, exchange.getRequestURI().getRawPath()),
                        query,
                        form,
                        exchange.getRequestHeaders().getFirst("Authorization"));

        if (verification instanceof Verification.Rejected rejected) {
            LOG.debug("refused {} {}: {}", method, path, rejected.reason());
            respond(
                    exchange,
                    outcome,
                    ErrorRenderer.render(route.version(), rejected.error().error()),
                    services.windows().peek("unauthenticated", limit, now));
            return;
        }
        if (verification instanceof Verification.DroppedReplay) {
            outcome.log(-1);
            HttpIo.drop(exchange);
            return;
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
            return;
        }
        RateStatus rate = services.windows().consume(user.id(), limit, now);
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
                rate = services.windows().exhaust(user.id(), limit, now);
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
            services.verifier().markDropped(verified.nonceKey());
            outcome.log(-1);
            HttpIo.drop(exchange);
            return;
        }

        ApiResponse response;
        if (route.isWrite() && user.has(AccountFlag.WRITE_RESTRICTED)) {
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
                    verified.consumerKey());
            try {
                response = route.handler().handle(request);
            } catch (ApiException e) {
                response = ErrorRenderer.render(route.version(), e.error());
            }
        }
        if (fault instanceof Fault.DropAfter) {
            services.verifier().markDropped(verified.nonceKey());
            outcome.log(-1);
            HttpIo.drop(exchange);
            return;
        }
        respond(exchange, outcome, response, rate);
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
