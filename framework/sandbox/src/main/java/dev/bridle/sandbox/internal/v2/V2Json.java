package dev.bridle.sandbox.internal.v2;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.json.ShownText;
import dev.bridle.sandbox.internal.json.TwitterDates;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import java.util.Set;

/**
 * v2 objects as recorded traffic shows them (x-api-v2.md §1): ids as strings, default fields only unless a
 * {@code *.fields} parameter asks for more.
 */
final class V2Json {
    private V2Json() {}

    /**
     * A post: {@code id, text, edit_history_tweet_ids} and the requested {@code tweet.fields}; the text as the platform
     * shows it ({@link ShownText}), its links under {@code entities.urls}.
     */
    static ObjectNode tweet(SandboxPost post, Set<String> fields, World world) {
        ObjectNode n = Json.object();
        ShownText shown = ShownText.ofPost(textOf(post, world));
        n.put("id", post.id());
        n.put("text", shown.text());
        n.putArray("edit_history_tweet_ids").add(post.id());
        if (fields.contains("entities") && !shown.links().isEmpty()) {
            shown.putV2(n.putObject("entities").putArray("urls"));
        }
        if (fields.contains("author_id")) {
            n.put("author_id", post.authorId());
        }
        if (fields.contains("created_at")) {
            n.put("created_at", TwitterDates.v2(post.createdAt()));
        }
        if (fields.contains("conversation_id")) {
            n.put("conversation_id", conversationOf(post, world));
        }
        if (fields.contains("lang")) {
            n.put("lang", post.lang());
        }
        if (fields.contains("in_reply_to_user_id") && post.inReplyToUserId() != null) {
            n.put("in_reply_to_user_id", post.inReplyToUserId());
        }
        if (fields.contains("referenced_tweets") && (post.isReply() || post.isRepost())) {
            ObjectNode ref = n.putArray("referenced_tweets").addObject();
            ref.put("type", post.isRepost() ? "retweeted" : "replied_to");
            ref.put("id", post.isRepost() ? post.repostOfId() : post.inReplyToPostId());
        }
        return n;
    }

    /** A user: {@code id, name, username} and the requested {@code user.fields}. */
    static ObjectNode user(UserRecord user, Set<String> fields) {
        ObjectNode n = Json.object();
        n.put("id", user.id());
        n.put("name", user.name());
        n.put("username", user.handle());
        if (fields.contains("created_at")) {
            n.put("created_at", TwitterDates.v2(user.createdAt()));
        }
        if (fields.contains("protected")) {
            n.put("protected", false);
        }
        if (fields.contains("verified")) {
            n.put("verified", false);
        }
        if (fields.contains("description")) {
            n.put("description", "");
        }
        return n;
    }

    /** A DM event: {@code id, event_type, text} (links wrapped) and the requested {@code dm_event.fields}. */
    static ObjectNode dmEvent(SandboxDm dm, Set<String> fields) {
        ObjectNode n = Json.object();
        ShownText shown = ShownText.ofMessage(dm.text());
        n.put("id", dm.id());
        n.put("event_type", "MessageCreate");
        n.put("text", shown.text());
        if (fields.contains("entities") && !shown.links().isEmpty()) {
            shown.putV2(n.putObject("entities").putArray("urls"));
        }
        if (fields.contains("sender_id")) {
            n.put("sender_id", dm.senderId());
        }
        if (fields.contains("created_at")) {
            n.put("created_at", TwitterDates.v2(dm.createdAt()));
        }
        if (fields.contains("dm_conversation_id")) {
            n.put("dm_conversation_id", dm.conversationId());
        }
        if (fields.contains("participant_ids")) {
            ArrayNode ids = n.putArray("participant_ids");
            ids.add(dm.senderId());
            if (!dm.recipientId().equals(dm.senderId())) {
                ids.add(dm.recipientId());
            }
        }
        return n;
    }

    /** A repost reads "RT @author: text", as on the platform. */
    static String textOf(SandboxPost post, World world) {
        if (!post.isRepost()) {
            return post.text();
        }
        String author =
                world.post(post.repostOfId()).map(SandboxPost::authorHandle).orElse("unknown");
        return "RT @" + author + ": " + post.text();
    }

    /** The id of the post that started the reply chain. */
    static String conversationOf(SandboxPost post, World world) {
        SandboxPost current = post;
        for (int hops = 0; hops < 1000 && current.isReply(); hops++) {
            var parent = world.post(current.inReplyToPostId());
            if (parent.isEmpty()) {
                return current.inReplyToPostId();
            }
            current = parent.get();
        }
        return current.id();
    }
}
