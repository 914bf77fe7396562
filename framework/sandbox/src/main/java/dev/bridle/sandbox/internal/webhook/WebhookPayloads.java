package dev.bridle.sandbox.internal.webhook;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.v1.V1Json;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;

/** The Account Activity event bodies (x-api-v2.md §4 "Payloads"), with v1.1 objects inside. */
final class WebhookPayloads {
    private WebhookPayloads() {}

    /** {@code {"for_user_id":..,"user_has_blocked":"false","tweet_create_events":[<status>]}}. */
    static ObjectNode tweetCreate(String forUserId, SandboxPost post, World world) {
        ObjectNode n = Json.object();
        n.put("for_user_id", forUserId);
        n.put("user_has_blocked", "false");
        n.putArray("tweet_create_events").add(V1Json.status(post, world, false));
        return n;
    }

    /** {@code {"for_user_id":..,"direct_message_events":[<event>],"users":{id:{..}}}}. */
    static ObjectNode directMessage(String forUserId, SandboxDm dm, World world) {
        ObjectNode n = Json.object();
        n.put("for_user_id", forUserId);
        n.putArray("direct_message_events").add(V1Json.dmEvent(dm));
        ObjectNode users = n.putObject("users");
        world.userById(dm.senderId()).ifPresent(u -> users.set(u.id(), user(u)));
        world.userById(dm.recipientId()).ifPresent(u -> users.set(u.id(), user(u)));
        return n;
    }

    private static ObjectNode user(UserRecord u) {
        ObjectNode n = Json.object();
        n.put("id", u.id());
        n.put("created_timestamp", Long.toString(u.createdAt().toEpochMilli()));
        n.put("name", u.name());
        n.put("screen_name", u.handle());
        n.put("protected", false);
        n.put("verified", false);
        return n;
    }
}
