package dev.bridle.sandbox.internal.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxFollow;
import dev.bridle.sandbox.SandboxLike;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.SandboxWebhook;
import dev.bridle.sandbox.SentActivity;
import dev.bridle.sandbox.WebhookDelivery;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.world.UserRecord;
import java.util.List;
import java.util.function.Function;

/** How the admin API shows the sandbox's records. */
final class AdminJson {
    private AdminJson() {}

    static ObjectNode post(SandboxPost p) {
        ObjectNode n = Json.object();
        n.put("id", p.id());
        n.put("author", p.authorHandle());
        n.put("authorId", p.authorId());
        n.put("text", p.text());
        n.put("createdAt", p.createdAt().toString());
        if (p.inReplyToPostId() != null) {
            n.put("inReplyToPostId", p.inReplyToPostId());
            n.put("inReplyToUserId", p.inReplyToUserId());
        }
        if (p.repostOfId() != null) {
            n.put("repostOfId", p.repostOfId());
        }
        if (p.deleted()) {
            n.put("deleted", true);
        }
        return n;
    }

    static ObjectNode dm(SandboxDm d) {
        ObjectNode n = Json.object();
        n.put("id", d.id());
        n.put("conversationId", d.conversationId());
        n.put("from", d.senderHandle());
        n.put("fromId", d.senderId());
        n.put("to", d.recipientHandle());
        n.put("toId", d.recipientId());
        n.put("text", d.text());
        n.put("createdAt", d.createdAt().toString());
        return n;
    }

    static ObjectNode follow(SandboxFollow f) {
        ObjectNode n = Json.object();
        n.put("action", f.follow() ? "follow" : "unfollow");
        n.put("target", f.targetHandle());
        n.put("targetId", f.targetId());
        n.put("at", f.at().toString());
        return n;
    }

    static ObjectNode like(SandboxLike l) {
        ObjectNode n = Json.object();
        n.put("postId", l.postId());
        n.put("at", l.at().toString());
        return n;
    }

    static ObjectNode activity(SentActivity a) {
        ObjectNode n = Json.object();
        n.put("account", a.handle());
        n.set("posts", list(a.posts(), AdminJson::post));
        n.set("replies", list(a.replies(), AdminJson::post));
        n.set("dms", list(a.dms(), AdminJson::dm));
        n.set("follows", list(a.follows(), AdminJson::follow));
        n.set("likes", list(a.likes(), AdminJson::like));
        n.set("reposts", list(a.reposts(), AdminJson::post));
        return n;
    }

    static ObjectNode user(UserRecord u) {
        ObjectNode n = Json.object();
        n.put("handle", u.handle());
        n.put("id", u.id());
        n.put("name", u.name());
        n.put("account", u.isAccount());
        n.put("acceptsDms", u.acceptsDms());
        if (u.isAccount()) {
            ArrayNode flags = n.putArray("flags");
            u.flags().forEach(f -> flags.add(f.name()));
        }
        return n;
    }

    static ObjectNode webhook(SandboxWebhook w) {
        ObjectNode n = Json.object();
        n.put("id", w.id());
        n.put("url", w.url().toString());
        n.put("valid", true);
        n.put("created_at", w.createdAt().toString());
        return n;
    }

    static ObjectNode delivery(WebhookDelivery d) {
        ObjectNode n = Json.object();
        n.put("webhookId", d.webhookId());
        n.put("forUserId", d.forUserId());
        n.put("event", d.eventType());
        n.put("status", d.status());
        if (d.error() != null) {
            n.put("error", d.error());
        }
        n.set("body", Json.parse(d.body()));
        return n;
    }

    static <T> ArrayNode list(List<T> items, Function<T, ObjectNode> f) {
        ArrayNode a = Json.array();
        items.forEach(i -> a.add(f.apply(i)));
        return a;
    }
}
