package dev.bridle.internal.platform.twitter;

import dev.bridle.platform.PlatformException;

/** {@code POST /2/dm_conversations/with/:participant_id/messages} with {@code {"text": ...}}. */
final class MessagesV2 implements Messages {

    private final Urls urls;

    MessagesV2(Urls urls) {
        this.urls = urls;
    }

    @Override
    public String send(Session session, String recipientId, String text) throws PlatformException {
        Response r = session.http()
                .postJson(
                        Endpoint.V2_SEND_DM,
                        urls.v2() + "dm_conversations/with/" + recipientId + "/messages",
                        Json.object().put("text", text));
        return Json.required(r.data(), "dm_event_id", Endpoint.V2_SEND_DM);
    }
}
