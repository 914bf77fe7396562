package dev.bridle.sandbox.internal.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.world.AccountActions;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Sending a one-to-one direct message and listing DM events. */
public final class DmsV2 {
    private final AccountActions actions;
    private final World world;

    public DmsV2(AccountActions actions, World world) {
        this.actions = actions;
        this.world = world;
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", "/2/dm_conversations/with/:participant_id/messages", ApiVersion.V2, this::send),
                new Route("GET", "/2/dm_events", ApiVersion.V2, this::events));
    }

    /** 201 {@code {"data":{"dm_conversation_id":"<smaller>-<larger>","dm_event_id":"..."}}}. */
    ApiResponse send(ApiRequest request) {
        String text = V2Paths.required(request.json(), "text");
        SandboxDm dm = actions.sendDm(request.user(), request.path("participant_id"), text);
        ObjectNode out = Json.object();
        out.putObject("data").put("dm_conversation_id", dm.conversationId()).put("dm_event_id", dm.id());
        // The recorded location header has the id in literal quotes (x-api-v2.md §1.7); kept as recorded.
        return ApiResponse.created(out).withHeader("location", request.baseUrl() + "2/dm_events/\"" + dm.id() + "\"");
    }

    /** The account's DM events (sent and received), newest first. */
    ApiResponse events(ApiRequest request) {
        int max = request.intParam("max_results", 1, 100, 100, ErrorCode.INVALID_PARAMETER);
        Set<String> types = request.list("event_types");
        List<SandboxDm> newestFirst = new ArrayList<>(
                types.isEmpty() || types.contains("MessageCreate")
                        ? world.dmsOf(request.user().id())
                        : List.of());
        Collections.reverse(newestFirst);
        Page<SandboxDm> page = Page.of(newestFirst, SandboxDm::id, null, null, request.param("pagination_token"), max);
        ObjectNode out = Json.object();
        if (!page.items().isEmpty()) {
            Set<String> fields = request.list("dm_event.fields");
            ArrayNode data = out.putArray("data");
            page.items().forEach(dm -> data.add(V2Json.dmEvent(dm, fields)));
            if (request.list("expansions").contains("sender_id")) {
                Map<String, UserRecord> senders = new LinkedHashMap<>();
                page.items().forEach(dm -> world.userById(dm.senderId()).ifPresent(u -> senders.put(u.id(), u)));
                ArrayNode users = out.putObject("includes").putArray("users");
                senders.values().forEach(u -> users.add(V2Json.user(u, request.list("user.fields"))));
            }
        }
        ObjectNode meta = out.putObject("meta");
        meta.put("result_count", page.items().size());
        if (page.nextToken() != null) {
            meta.put("next_token", page.nextToken());
        }
        return ApiResponse.ok(out);
    }
}
