package dev.bridle.sandbox.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.AccountFlag;
import dev.bridle.sandbox.internal.SandboxServices;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.world.UserRecord;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Apps, accounts (with their credentials), users, what each account sent, flags, reset, the rate table. */
final class AdminState {
    private final SandboxServices services;

    AdminState(SandboxServices services) {
        this.services = services;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.of("GET", "/apps", "apps with consumer key and secret", r -> apps()),
                AdminRoute.of(
                        "GET", "/accounts", "accounts with user id, access token and secret, flags", r -> accounts()),
                AdminRoute.of(
                        "PUT",
                        "/accounts/:handle/flags",
                        "set an account's flags: {\"flags\":[\"LOCKED\",\"WRITE_RESTRICTED\",\"TOKEN_REVOKED\","
                                + "\"FLAGGED_AUTOMATED\"]}",
                        this::flags),
                AdminRoute.of("GET", "/users", "every user, accounts and simulated users", r -> users()),
                AdminRoute.of("GET", "/sent", "what every account sent", r -> sentAll()),
                AdminRoute.of(
                        "GET",
                        "/sent/:handle",
                        "what one account sent: posts, replies, dms, follows, likes, " + "reposts",
                        r -> AdminJson.activity(sent(r.path().get("handle")))),
                AdminRoute.of(
                        "POST", "/reset", "forget all activity, windows, counters, faults and webhooks", r -> reset()),
                AdminRoute.of("GET", "/rate-limits", "the per-endpoint limits and their sources", r -> rates()));
    }

    private JsonNode apps() {
        ArrayNode out = Json.array();
        services.apps()
                .forEach(a -> out.addObject()
                        .put("name", a.name())
                        .put("consumerKey", a.consumerKey())
                        .put("consumerSecret", a.consumerSecret()));
        return out;
    }

    private JsonNode accounts() {
        ArrayNode out = Json.array();
        for (UserRecord u : services.world().users()) {
            if (u.isAccount()) {
                ObjectNode n = AdminJson.user(u);
                n.put("accessToken", u.account().accessToken());
                n.put("accessTokenSecret", u.account().accessTokenSecret());
                out.add(n);
            }
        }
        return out;
    }

    private JsonNode flags(AdminRequest r) {
        String handle = r.path().get("handle");
        Set<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);
        JsonNode list = r.body().path("flags");
        if (!list.isArray()) {
            throw new AdminException(400, "the JSON body needs \"flags\": [...]");
        }
        for (JsonNode f : list) {
            try {
                flags.add(AccountFlag.valueOf(f.asText()));
            } catch (IllegalArgumentException e) {
                throw new AdminException(
                        400, "unknown flag " + f.asText() + "; known: " + List.of(AccountFlag.values()));
            }
        }
        try {
            services.setFlags(handle, flags);
        } catch (IllegalArgumentException e) {
            throw new AdminException(404, e.getMessage());
        }
        return AdminJson.user(services.user(handle));
    }

    private JsonNode users() {
        ArrayNode out = Json.array();
        services.world().users().forEach(u -> out.add(AdminJson.user(u)));
        return out;
    }

    private JsonNode sentAll() {
        ObjectNode out = Json.object();
        services.world().users().stream()
                .filter(UserRecord::isAccount)
                .forEach(u -> out.set(u.handle(), AdminJson.activity(services.sent(u.handle()))));
        return out;
    }

    private dev.bridle.sandbox.SentActivity sent(String handle) {
        try {
            return services.sent(handle);
        } catch (IllegalArgumentException e) {
            throw new AdminException(404, e.getMessage());
        }
    }

    private JsonNode reset() {
        services.reset();
        return Json.object().put("reset", true);
    }

    private JsonNode rates() {
        ArrayNode out = Json.array();
        services.rateTable()
                .values()
                .forEach(r -> out.addObject()
                        .put("endpoint", r.endpointId())
                        .put("limit", r.limit())
                        .put("windowSeconds", r.window().toSeconds())
                        .put("whenOver", r.whenOver().code())
                        .put("source", r.source()));
        return out;
    }
}
