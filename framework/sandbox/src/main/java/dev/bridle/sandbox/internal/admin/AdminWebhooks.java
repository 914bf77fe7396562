package dev.bridle.sandbox.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxWebhook;
import dev.bridle.sandbox.internal.SandboxServices;
import dev.bridle.sandbox.internal.json.Json;
import java.net.URI;
import java.util.List;

/** Registers Account Activity webhooks (after the CRC check) and shows what was delivered. */
final class AdminWebhooks {
    private final SandboxServices services;

    AdminWebhooks(SandboxServices services) {
        this.services = services;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.of("GET", "/webhooks", "registered webhooks", r -> list()),
                AdminRoute.creating(
                        "POST",
                        "/webhooks",
                        "register a loopback webhook after a CRC check: "
                                + "{\"url\":\"http://127.0.0.1:9000/webhook\",\"consumerKey\":\"<optional>\"}",
                        this::register),
                AdminRoute.of("DELETE", "/webhooks/:id", "remove a webhook", this::remove),
                AdminRoute.of(
                        "GET",
                        "/webhooks/deliveries",
                        "every event POSTed, with the receiver's status",
                        r -> AdminJson.list(services.webhooks().deliveries(), AdminJson::delivery)));
    }

    private JsonNode list() {
        ObjectNode out = Json.object();
        List<SandboxWebhook> hooks = services.webhooks().webhooks();
        if (!hooks.isEmpty()) {
            out.set("data", AdminJson.list(hooks, AdminJson::webhook));
        }
        out.putObject("meta").put("result_count", hooks.size());
        return out;
    }

    private JsonNode register(AdminRequest r) {
        String key = r.optional("consumerKey");
        if (key == null) {
            key = services.apps().get(0).consumerKey();
        }
        try {
            SandboxWebhook hook = services.webhooks().register(URI.create(r.required("url")), key);
            ObjectNode out = Json.object();
            out.set("data", AdminJson.webhook(hook));
            return out;
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, e.getMessage());
        } catch (IllegalStateException e) {
            throw new AdminException(400, e.getMessage());
        }
    }

    private JsonNode remove(AdminRequest r) {
        if (!services.webhooks().remove(r.path().get("id"))) {
            throw new AdminException(404, "no webhook " + r.path().get("id"));
        }
        ObjectNode out = Json.object();
        out.putObject("data").put("deleted", true);
        return out;
    }
}
