package dev.bridle.sandbox.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.bridle.sandbox.internal.SandboxServices;
import dev.bridle.sandbox.internal.api.PathTemplate;
import dev.bridle.sandbox.internal.http.HttpIo;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.oauth.Param;
import dev.bridle.sandbox.internal.oauth.PercentCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin API under {@code /admin}: JSON in and out, no OAuth, loopback clients only. {@code GET /admin/} lists the
 * endpoints.
 */
public final class AdminDispatcher implements HttpHandler {
    private static final Logger LOG = LoggerFactory.getLogger(AdminDispatcher.class);
    private final List<AdminRoute> routes = new ArrayList<>();

    public AdminDispatcher(SandboxServices services) {
        routes.addAll(new AdminState(services).routes());
        routes.addAll(new AdminInbound(services).routes());
        routes.addAll(new AdminFaults(services).routes());
        routes.addAll(new AdminWebhooks(services).routes());
        routes.addAll(new AdminAudience(services).routes());
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRemoteAddress().getAddress().isLoopbackAddress()) {
                HttpIo.write(exchange, 403, error("the admin API answers loopback clients only"), Map.of());
                return;
            }
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getPath().substring("/admin".length());
            if (path.isEmpty() || path.equals("/")) {
                HttpIo.write(exchange, 200, index(), Map.of());
                return;
            }
            if (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            byte[] raw = HttpIo.body(exchange);
            for (AdminRoute route : routes) {
                Optional<Map<String, String>> params = PathTemplate.match(route.template(), path);
                if (params.isPresent() && route.method().equals(method)) {
                    JsonNode body = raw.length == 0 ? Json.object() : parse(raw);
                    JsonNode out = route.handler().apply(new AdminRequest(params.get(), query(exchange), body));
                    HttpIo.write(exchange, route.status(), out, Map.of());
                    return;
                }
            }
            HttpIo.write(
                    exchange,
                    404,
                    error("no admin endpoint " + method + " /admin" + path + "; GET /admin/ lists them"),
                    Map.of());
        } catch (AdminException e) {
            HttpIo.write(exchange, e.status(), error(e.getMessage()), Map.of());
        } catch (RuntimeException e) {
            LOG.warn("admin request {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
            HttpIo.write(exchange, 500, error(e.toString()), Map.of());
        } finally {
            exchange.close();
        }
    }

    private static JsonNode parse(byte[] raw) {
        try {
            return Json.parse(new String(raw, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, "the body is " + e.getMessage());
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> q = new HashMap<>();
        for (Param p : PercentCodec.parseForm(exchange.getRequestURI().getRawQuery())) {
            q.putIfAbsent(p.name(), p.value());
        }
        return q;
    }

    private JsonNode index() {
        ObjectNode out = Json.object();
        ArrayNode list = out.putArray("endpoints");
        routes.forEach(r -> list.addObject()
                .put("endpoint", r.method() + " /admin" + r.template())
                .put("description", r.description()));
        return out;
    }

    private static JsonNode error(String message) {
        return Json.object().put("error", message);
    }
}
