package dev.bridle.sandbox.internal.oauth2;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bridle.sandbox.SandboxApp;
import dev.bridle.sandbox.SandboxRequest;
import dev.bridle.sandbox.internal.SandboxServices;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.http.HttpIo;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.oauth.Param;
import dev.bridle.sandbox.internal.oauth.PercentCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * X's app-only token endpoints (xdevplatform/docs {@code resources/fundamentals/authentication/oauth-2-0/
 * application-only.mdx}): {@code POST /oauth2/token} with the app's consumer key and secret as HTTP Basic and
 * {@code grant_type=client_credentials} answers {@code {"token_type":"bearer","access_token":"…"}}, the same token
 * until it is invalidated; {@code POST /oauth2/invalidate_token} with the same Basic credentials and
 * {@code access_token=…} invalidates it and answers {@code {"access_token":"…"}}.
 *
 * <p>Every refusal is the one the page documents for all of them (a missing or wrong {@code grant_type}, unknown or
 * wrong app credentials, invalidating a token that is not the app's current one): 403 with
 * {@code {"errors":[{"code":99,"label":"authenticity_token_error","message":"Unable to verify your credentials"}]}}.
 * Neither the secret nor the token is ever logged.
 */
public final class TokenEndpoint implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(TokenEndpoint.class);

    static final String TOKEN = "/oauth2/token";
    static final String INVALIDATE = "/oauth2/invalidate_token";

    private final SandboxServices services;

    public TokenEndpoint(SandboxServices services) {
        this.services = services;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            answer(exchange);
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = exchange.getRequestURI().getPath();
        byte[] body = HttpIo.body(exchange);
        boolean known = path.equals(TOKEN) || path.equals(INVALIDATE);
        if (!known || !method.equals("POST")) {
            ObjectNode notFound = Json.object();
            notFound.putArray("errors")
                    .addObject()
                    .put("code", ErrorCode.PAGE_NOT_FOUND.code())
                    .put("message", ErrorCode.PAGE_NOT_FOUND.error().message());
            write(exchange, method, path, null, 404, notFound);
            return;
        }
        String endpoint = "POST " + path;
        List<Param> params =
                new ArrayList<>(PercentCodec.parseForm(exchange.getRequestURI().getRawQuery()));
        if (HttpIo.header(exchange, "Content-Type")
                .toLowerCase(Locale.ROOT)
                .startsWith("application/x-www-form-urlencoded")) {
            params.addAll(PercentCodec.parseForm(new String(body, StandardCharsets.UTF_8)));
        }
        Optional<SandboxApp> app = ClientCredentials.parse(HttpIo.header(exchange, "Authorization"))
                .flatMap(this::app);
        if (app.isEmpty()) {
            LOG.debug("refused {}: no known app's Basic credentials", endpoint);
            write(exchange, method, path, endpoint, 403, unverified());
            return;
        }
        String consumerKey = app.get().consumerKey();
        AppTokens tokens = services.appTokens();
        if (path.equals(TOKEN)) {
            if (!"client_credentials".equals(param(params, "grant_type"))) {
                LOG.debug("refused {}: grant_type is not client_credentials", endpoint);
                write(exchange, method, path, endpoint, 403, unverified());
                return;
            }
            ObjectNode issued = Json.object();
            issued.put("token_type", "bearer");
            issued.put("access_token", tokens.issue(consumerKey));
            write(exchange, method, path, endpoint, 200, issued);
            return;
        }
        String token = param(params, "access_token");
        if (token == null || !tokens.invalidate(consumerKey, token)) {
            LOG.debug("refused {}: not the app's current token", endpoint);
            write(exchange, method, path, endpoint, 403, unverified());
            return;
        }
        ObjectNode invalidated = Json.object();
        invalidated.put("access_token", token);
        write(exchange, method, path, endpoint, 200, invalidated);
    }

    /** The app whose key and secret these are (the secret compared in constant time). */
    private Optional<SandboxApp> app(ClientCredentials credentials) {
        return services.apps().stream()
                .filter(a -> a.consumerKey().equals(credentials.consumerKey()))
                .filter(a -> MessageDigest.isEqual(
                        a.consumerSecret().getBytes(StandardCharsets.UTF_8),
                        credentials.consumerSecret().getBytes(StandardCharsets.UTF_8)))
                .findFirst();
    }

    private static String param(List<Param> params, String name) {
        return params.stream()
                .filter(p -> p.name().equals(name))
                .map(Param::value)
                .findFirst()
                .orElse(null);
    }

    /** The one refusal the page documents for these endpoints. */
    static ObjectNode unverified() {
        ObjectNode body = Json.object();
        body.putArray("errors")
                .addObject()
                .put("code", 99)
                .put("label", "authenticity_token_error")
                .put("message", "Unable to verify your credentials");
        return body;
    }

    private void write(HttpExchange exchange, String method, String path, String endpoint, int status, ObjectNode body)
            throws IOException {
        services.requests().add(new SandboxRequest(services.clock().instant(), method, path, endpoint, null, status));
        HttpIo.write(exchange, status, body, Map.of());
    }
}
