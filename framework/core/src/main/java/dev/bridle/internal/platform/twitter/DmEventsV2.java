package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.UserRef;
import dev.bridle.platform.PlatformException;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /2/dm_events}: the account's message events, sent and received, newest first (used with either API: v1.1's
 * list endpoint is not part of Bridle's set). It has no {@code since_id}, so pages are read until an id at or below the
 * cursor.
 */
final class DmEventsV2 {

    /** Pages of 100 read for new messages, or back to a time when reconciling. */
    static final int MAX_PAGES = 5;

    /** A message the account sent. */
    record SentDm(String id, String text, Instant createdAt, List<String> participants, String conversationId) {}

    private final Urls urls;

    DmEventsV2(Urls urls) {
        this.urls = urls;
    }

    /**
     * Messages to the account newer than {@code sinceId} (the latest page if {@code null}), oldest first; its own are
     * skipped.
     */
    List<DirectMessage> received(Session session, String userId, String sinceId) throws PlatformException {
        List<DirectMessage> found = new ArrayList<>();
        BigInteger since = sinceId == null ? null : new BigInteger(sinceId);
        read(session, "sender_id,created_at,entities", true, body -> {
            Map<String, String> handles = V2Pages.handles(body);
            for (JsonNode event : body.path("data")) {
                String id = Json.text(event, "id");
                if (since != null && new BigInteger(id).compareTo(since) <= 0) {
                    return true;
                }
                String sender = Json.text(event, "sender_id");
                String text = Json.v2MessageText(event);
                if (sender == null || sender.equals(userId) || text == null) {
                    continue;
                }
                Instant at = Json.v2Time(event);
                found.add(new DirectMessage(
                        id, new UserRef(sender, handles.get(sender)), text, at == null ? Instant.EPOCH : at));
            }
            return since == null; // without a cursor, the latest page is enough
        });
        return oldestFirst(found);
    }

    /** Messages the account sent, newest first, back to {@code notBefore} as far as a few pages reach. */
    Window<SentDm> sent(Session session, String userId, Instant notBefore) throws PlatformException {
        List<SentDm> sent = new ArrayList<>();
        V2Pages.End end =
                read(session, "sender_id,created_at,participant_ids,dm_conversation_id,entities", false, body -> {
                    for (JsonNode event : body.path("data")) {
                        Instant at = Json.v2Time(event);
                        if (at != null && at.isBefore(notBefore)) {
                            return true;
                        }
                        if (userId.equals(Json.text(event, "sender_id"))) {
                            List<String> participants = new ArrayList<>();
                            event.path("participant_ids").forEach(p -> participants.add(p.asText()));
                            sent.add(new SentDm(
                                    Json.text(event, "id"),
                                    Json.v2MessageText(event),
                                    at,
                                    participants,
                                    Json.text(event, "dm_conversation_id")));
                        }
                    }
                    return false;
                });
        return new Window<>(sent, end.complete());
    }

    private V2Pages.End read(Session session, String fields, boolean senders, V2Pages.PageReader reader)
            throws PlatformException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("event_types", "MessageCreate");
        query.put("max_results", "100");
        query.put("dm_event.fields", fields);
        if (senders) {
            query.put("expansions", "sender_id");
            query.put("user.fields", "username");
        }
        return V2Pages.read(session, Endpoint.V2_DM_EVENTS, urls.v2() + "dm_events", query, MAX_PAGES, reader);
    }

    private static List<DirectMessage> oldestFirst(List<DirectMessage> newestFirst) {
        List<DirectMessage> list = new ArrayList<>(newestFirst);
        Collections.reverse(list);
        return list;
    }
}
