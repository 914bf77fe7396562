package dev.bridle.sandbox.internal.world;

import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxFollow;
import dev.bridle.sandbox.SandboxPost;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;

/**
 * What simulated users do: mention an account, reply to a post, message an account. No limits apply; the checks are
 * only that the people and posts exist.
 */
public final class Inbound {
    private final World world;
    private final Clock clock;

    public Inbound(World world, Clock clock) {
        this.world = world;
        this.clock = clock;
    }

    /** A post by {@code from} that mentions {@code to}; "@to " is put in front unless the text names them. */
    public SandboxPost mention(String from, String to, String text) {
        return mention(from, to, text, SandboxPost.DEFAULT_LANG);
    }

    /** The same, in the language {@code lang} (a BCP 47 code, as X tags posts). */
    public SandboxPost mention(String from, String to, String text, String lang) {
        UserRecord author = user(from);
        UserRecord target = user(to);
        String body = Mentions.in(text).contains(target.handle().toLowerCase(Locale.ROOT))
                ? text
                : "@" + target.handle() + " " + text;
        return add(author, body, null, lang);
    }

    /** A reply by {@code from} to a post; "@author " is put in front unless the text names them. */
    public SandboxPost reply(String from, String postId, String text) {
        return reply(from, postId, text, SandboxPost.DEFAULT_LANG);
    }

    /** The same, in the language {@code lang}. */
    public SandboxPost reply(String from, String postId, String text, String lang) {
        UserRecord author = user(from);
        SandboxPost target = world.post(postId)
                .filter(p -> !p.deleted())
                .orElseThrow(() -> new IllegalArgumentException("no post with id " + postId));
        String body = Mentions.in(text).contains(target.authorHandle().toLowerCase(Locale.ROOT))
                ? text
                : "@" + target.authorHandle() + " " + text;
        return add(author, body, target, lang);
    }

    /** A post by {@code from} that replies to nothing (what search and timelines find). */
    public SandboxPost post(String from, String text) {
        return post(from, text, SandboxPost.DEFAULT_LANG);
    }

    /** The same, in the language {@code lang}. */
    public SandboxPost post(String from, String text, String lang) {
        return add(user(from), text, null, lang);
    }

    /** {@code from} follows {@code to}, as done on X rather than through the API. */
    public SandboxFollow follow(String from, String to) {
        UserRecord source = user(from);
        UserRecord target = user(to);
        SandboxFollow follow;
        synchronized (world) {
            if (world.isFollowing(source.id(), target.id())) {
                throw new IllegalArgumentException("@" + from + " already follows @" + to);
            }
            follow = new SandboxFollow(
                    source.id(), source.handle(), target.id(), target.handle(), clock.instant(), true);
            world.recordFollow(follow);
        }
        world.publishFollow(follow);
        return follow;
    }

    /** The post's author deletes it on X (not through the API); afterwards it reads as not found. */
    public SandboxPost deleteOnX(String postId) {
        synchronized (world) {
            SandboxPost post = world.post(postId)
                    .filter(p -> !p.deleted())
                    .orElseThrow(() -> new IllegalArgumentException("no undeleted post with id " + postId));
            SandboxPost deleted = post.asDeleted();
            world.replacePost(deleted);
            return deleted;
        }
    }

    /** A direct message from {@code from} to {@code to}. */
    public SandboxDm dm(String from, String to, String text) {
        requireText(text);
        UserRecord sender = user(from);
        UserRecord recipient = user(to);
        SandboxDm dm;
        synchronized (world) {
            dm = new SandboxDm(
                    world.nextEventId(),
                    SandboxDm.conversationIdOf(sender.id(), recipient.id()),
                    sender.id(),
                    sender.handle(),
                    recipient.id(),
                    recipient.handle(),
                    text,
                    clock.instant());
            world.addDm(dm);
        }
        world.publishDm(dm);
        return dm;
    }

    private SandboxPost add(UserRecord author, String text, SandboxPost target, String lang) {
        requireText(text);
        if (!SandboxPost.isLanguageTag(lang)) {
            throw new IllegalArgumentException(
                    "lang '" + lang + "' is not a BCP 47 language code (en, de, pt-BR, und, ...)");
        }
        SandboxPost post;
        synchronized (world) {
            Instant now = clock.instant();
            post = new SandboxPost(
                    world.nextEventId(),
                    author.id(),
                    author.handle(),
                    text,
                    now,
                    target == null ? null : target.id(),
                    target == null ? null : target.authorId(),
                    null,
                    false,
                    lang);
            world.addPost(post);
        }
        world.publishPost(post);
        return post;
    }

    private UserRecord user(String handle) {
        return world.userByHandle(handle)
                .orElseThrow(() -> new IllegalArgumentException("no user @" + handle + " in the sandbox"));
    }

    private static void requireText(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("text must not be blank");
        }
    }
}
