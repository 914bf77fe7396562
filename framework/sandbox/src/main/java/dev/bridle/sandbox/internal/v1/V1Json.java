package dev.bridle.sandbox.internal.v1;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.json.ShownText;
import dev.bridle.sandbox.internal.json.TwitterDates;
import dev.bridle.sandbox.internal.world.Mentions;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;

/**
 * v1.1 objects (x-api-and-bot-frameworks.md §2.6): ids as numbers with {@code id_str} twins, dates in Twitter's
 * {@code "Wed Oct 10 20:19:24 +0000 2018"} form. Also used for Account Activity payloads, which carry v1.1 objects.
 */
public final class V1Json {
    private V1Json() {}

    /**
     * A status. With {@code extended} ({@code tweet_mode=extended}, which twitter4j sends by default) the text is under
     * {@code full_text}, otherwise under {@code text}; either way as the platform shows it ({@link ShownText}), its
     * links under {@code entities.urls}.
     */
    public static ObjectNode status(SandboxPost post, World world, boolean extended) {
        ObjectNode n = Json.object();
        ShownText shown = ShownText.ofPost(
                post.isRepost() ? "RT @" + originalAuthor(post, world) + ": " + post.text() : post.text());
        String text = shown.text();
        n.put("created_at", TwitterDates.v1(post.createdAt()));
        n.put("id", Long.parseLong(post.id()));
        n.put("id_str", post.id());
        n.put(extended ? "full_text" : "text", text);
        n.put("truncated", false);
        n.putArray("display_text_range").add(0).add(text.codePointCount(0, text.length()));
        ObjectNode entities = entities(text, world);
        shown.putV1((ArrayNode) entities.get("urls"));
        n.set("entities", entities);
        n.put("source", "<a href=\"http://127.0.0.1/\" rel=\"nofollow\">Bridle sandbox</a>");
        putId(n, "in_reply_to_status_id", post.inReplyToPostId());
        putId(n, "in_reply_to_user_id", post.inReplyToUserId());
        if (post.inReplyToUserId() != null) {
            n.put(
                    "in_reply_to_screen_name",
                    world.userById(post.inReplyToUserId())
                            .map(UserRecord::handle)
                            .orElse(null));
        } else {
            n.putNull("in_reply_to_screen_name");
        }
        world.userById(post.authorId()).ifPresent(u -> n.set("user", user(u, world)));
        n.put("is_quote_status", false);
        if (post.isRepost()) {
            world.post(post.repostOfId()).ifPresent(o -> n.set("retweeted_status", status(o, world, extended)));
        }
        n.put("retweet_count", 0);
        n.put("favorite_count", 0);
        n.put("favorited", false);
        n.put("retweeted", false);
        n.put("lang", post.lang());
        return n;
    }

    /** A user object. */
    public static ObjectNode user(UserRecord u, World world) {
        ObjectNode n = Json.object();
        n.put("id", u.numericId());
        n.put("id_str", u.id());
        n.put("name", u.name());
        n.put("screen_name", u.handle());
        n.put("location", "");
        n.put("description", "");
        n.putNull("url");
        n.put("protected", false);
        n.put("followers_count", world.followerCount(u.id()));
        n.put("friends_count", world.followingOf(u.id()).size());
        n.put("listed_count", 0);
        n.put("created_at", TwitterDates.v1(u.createdAt()));
        n.put("favourites_count", 0);
        n.put("verified", false);
        n.put(
                "statuses_count",
                world.postsBy(u.id()).stream().filter(p -> !p.deleted()).count());
        return n;
    }

    /** A {@code message_create} event, as {@code direct_messages/events/new} returns and webhooks deliver. */
    public static ObjectNode dmEvent(SandboxDm dm) {
        ObjectNode n = Json.object();
        n.put("type", "message_create");
        n.put("id", dm.id());
        n.put("created_timestamp", Long.toString(dm.createdAt().toEpochMilli()));
        ObjectNode create = n.putObject("message_create");
        create.putObject("target").put("recipient_id", dm.recipientId());
        create.put("sender_id", dm.senderId());
        ObjectNode data = create.putObject("message_data");
        ShownText shown = ShownText.ofMessage(dm.text());
        data.put("text", shown.text());
        ObjectNode entities = emptyEntities();
        shown.putV1((ArrayNode) entities.get("urls"));
        data.set("entities", entities);
        return n;
    }

    private static ObjectNode entities(String text, World world) {
        ObjectNode e = emptyEntities();
        ArrayNode mentions = (ArrayNode) e.get("user_mentions");
        for (Object[] span : Mentions.spans(text)) {
            world.userByHandle((String) span[0]).ifPresent(u -> {
                ObjectNode m = mentions.addObject();
                m.put("screen_name", u.handle());
                m.put("name", u.name());
                m.put("id", u.numericId());
                m.put("id_str", u.id());
                m.putArray("indices")
                        .add(text.codePointCount(0, (Integer) span[1]))
                        .add(text.codePointCount(0, (Integer) span[2]));
            });
        }
        return e;
    }

    private static ObjectNode emptyEntities() {
        ObjectNode e = Json.object();
        e.putArray("hashtags");
        e.putArray("symbols");
        e.putArray("user_mentions");
        e.putArray("urls");
        return e;
    }

    private static String originalAuthor(SandboxPost post, World world) {
        return world.post(post.repostOfId()).map(SandboxPost::authorHandle).orElse("unknown");
    }

    private static void putId(ObjectNode n, String field, String id) {
        if (id == null) {
            n.putNull(field);
            n.putNull(field + "_str");
        } else {
            n.put(field, Long.parseLong(id));
            n.put(field + "_str", id);
        }
    }
}
