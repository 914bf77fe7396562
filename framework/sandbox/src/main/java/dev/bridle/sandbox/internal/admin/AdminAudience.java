package dev.bridle.sandbox.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.internal.SandboxServices;
import dev.bridle.sandbox.internal.audience.AudienceRunner;
import dev.bridle.sandbox.internal.json.Json;
import java.util.List;

/** Shows the scripted audience and ticks it by hand. */
final class AdminAudience {
    private final SandboxServices services;

    AdminAudience(SandboxServices services) {
        this.services = services;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.of("GET", "/audience", "the audience script's log", r -> show()),
                AdminRoute.of("POST", "/audience/tick", "perform what is due on the sandbox clock", r -> tick()));
    }

    private AudienceRunner runner() {
        return services.audience().orElseThrow(() -> new AdminException(404, "no audience script is running"));
    }

    private JsonNode show() {
        ObjectNode out = Json.object();
        ArrayNode log = out.putArray("log");
        runner().log().forEach(log::add);
        return out;
    }

    private JsonNode tick() {
        ObjectNode out = Json.object();
        ArrayNode done = out.putArray("performed");
        runner().tick().forEach(done::add);
        return out;
    }
}
