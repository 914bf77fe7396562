package dev.bridle.sandbox.internal.v1;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.world.AccountActions;
import java.util.List;

/**
 * {@code direct_messages/events/new}: a JSON body
 * {@code {"event":{"type":"message_create","message_create":{"target":{"recipient_id":N},"message_data":{"text":..}}}}}
 * (twitter4j sends {@code recipient_id} as a number; a string is accepted too).
 */
public final class DirectMessagesV1 {
    private final AccountActions actions;

    public DirectMessagesV1(AccountActions actions) {
        this.actions = actions;
    }

    public List<Route> routes() {
        return List.of(new Route("POST", "/1.1/direct_messages/events/new.json", ApiVersion.V1, this::send));
    }

    ApiResponse send(ApiRequest request) {
        JsonNode create = request.json().path("event").path("message_create");
        JsonNode recipient = create.path("target").path("recipient_id");
        String text = create.path("message_data").path("text").asText(null);
        if (recipient.isMissingNode()
                || recipient.isNull()
                || recipient.asText().isBlank()) {
            throw ErrorCode.MISSING_PARAMETER.badParameter(
                    "recipient_id", null, "Missing required parameter: event.message_create.target.recipient_id.");
        }
        SandboxDm dm = actions.sendDm(request.user(), recipient.asText(), text);
        ObjectNode out = Json.object();
        out.set("event", V1Json.dmEvent(dm));
        return ApiResponse.ok(out);
    }
}
