package dev.bridle.sandbox.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import dev.bridle.sandbox.fault.FaultRule;
import dev.bridle.sandbox.internal.json.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The admin API's JSON form of a {@link FaultPlan}:
 *
 * <pre>
 * {"seed": 7, "rules": [
 *   {"endpoint": "POST /2/tweets", "script": [{"fault": "status", "status": 503, "times": 2}, {"fault": "dropAfter"}]},
 *   {"endpoint": "* /2/*", "fraction": 0.1, "fault": {"fault": "latency", "millis": 300}}]}
 * </pre>
 *
 * Fault kinds: {@code latency} (millis), {@code status} (status), {@code error} (status, code, message),
 * {@code dropBefore}, {@code dropAfter}, {@code none}; {@code times} repeats a script entry.
 */
final class FaultPlanJson {
    private FaultPlanJson() {}

    static FaultPlan parse(JsonNode body) {
        List<FaultRule> rules = new ArrayList<>();
        JsonNode list = body.path("rules");
        if (!list.isArray()) {
            throw new AdminException(400, "a fault plan needs \"rules\": [...]");
        }
        for (int i = 0; i < list.size(); i++) {
            rules.add(rule(list.get(i), "rules[" + i + "]"));
        }
        return new FaultPlan(rules, body.path("seed").asLong(0));
    }

    private static FaultRule rule(JsonNode node, String where) {
        String endpoint = node.path("endpoint").asText(null);
        if (endpoint == null) {
            throw new AdminException(400, where + ".endpoint is missing (e.g. \"POST /2/tweets\")");
        }
        try {
            if (node.has("script")) {
                List<Fault> script = new ArrayList<>();
                JsonNode entries = node.get("script");
                for (int j = 0; j < entries.size(); j++) {
                    JsonNode entry = entries.get(j);
                    Fault fault = fault(entry, where + ".script[" + j + "]");
                    int times = entry.path("times").asInt(1);
                    for (int k = 0; k < times; k++) {
                        script.add(fault);
                    }
                }
                return FaultRule.scripted(endpoint, script);
            }
            if (node.has("fraction")) {
                return FaultRule.fraction(
                        endpoint, node.get("fraction").asDouble(), fault(node.path("fault"), where + ".fault"));
            }
        } catch (IllegalArgumentException e) {
            throw new AdminException(400, where + ": " + e.getMessage());
        }
        throw new AdminException(400, where + " needs \"script\": [...] or \"fraction\" and \"fault\"");
    }

    private static Fault fault(JsonNode node, String where) {
        String kind = node.path("fault").asText("");
        return switch (kind) {
            case "latency" ->
                Fault.latency(Duration.ofMillis(node.path("millis").asLong(0)));
            case "status" -> Fault.status(node.path("status").asInt(503));
            case "error" ->
                Fault.error(
                        node.path("status").asInt(403),
                        node.path("code").asInt(),
                        node.path("message").asText(""));
            case "dropBefore" -> Fault.dropBefore();
            case "dropAfter" -> Fault.dropAfter();
            case "none" -> Fault.none();
            default ->
                throw new AdminException(
                        400,
                        where + ".fault must be latency, status, error, dropBefore, " + "dropAfter or none, was \""
                                + kind + "\"");
        };
    }

    static ObjectNode render(FaultPlan plan, List<String> injected) {
        ObjectNode n = Json.object();
        n.put("seed", plan.seed());
        ArrayNode rules = n.putArray("rules");
        for (FaultRule r : plan.rules()) {
            ObjectNode rule = rules.addObject();
            rule.put("endpoint", r.selector());
            if (r.isScripted()) {
                ArrayNode script = rule.putArray("script");
                r.script().forEach(f -> script.add(render(f)));
            } else {
                rule.put("fraction", r.fraction());
                rule.set("fault", render(r.fault()));
            }
        }
        ArrayNode log = n.putArray("injected");
        injected.forEach(log::add);
        return n;
    }

    private static ObjectNode render(Fault f) {
        ObjectNode n = Json.object();
        if (f instanceof Fault.Latency l) {
            n.put("fault", "latency").put("millis", l.delay().toMillis());
        } else if (f instanceof Fault.Status s) {
            n.put("fault", "status").put("status", s.status());
        } else if (f instanceof Fault.PlatformError e) {
            n.put("fault", "error")
                    .put("status", e.status())
                    .put("code", e.code())
                    .put("message", e.message());
        } else if (f instanceof Fault.DropBefore) {
            n.put("fault", "dropBefore");
        } else if (f instanceof Fault.DropAfter) {
            n.put("fault", "dropAfter");
        } else {
            n.put("fault", "none");
        }
        return n;
    }
}
