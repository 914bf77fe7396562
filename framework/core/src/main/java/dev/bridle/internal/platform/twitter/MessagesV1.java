package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.platform.PlatformException;

/**
 * v1.1 {@code direct_messages/events/new}: a JSON body
 * {@code {"event":{"type":"message_create","message_create":{"target":{"recipient_id":..},"message_data":{"text":..}}}}},
 * the recipient id as a string as the platform documents it.
 */
final class MessagesV1 implements Messages {

    private final Urls urls;

    MessagesV1(Urls urls) {
        this.urls = urls;
    }

    @Override
    public String send(Session session, String recipientId, String text) throws PlatformException {
        ObjectNode body = Json.object();
        ObjectNode create =
                body.putObject("event").put("type", "message_create").putObject("message_create");
        create.putObject("target").put("recipient_id", recipientId);
        create.putObject("message_data").put("text", text);
        Response r = session.http().postJson(Endpoint.V1_SEND_DM, urls.v1() + "direct_messages/events/new.json", body);
        return Json.required(r.body().path("event"), "id", Endpoint.V1_SEND_DM);
    }
}
