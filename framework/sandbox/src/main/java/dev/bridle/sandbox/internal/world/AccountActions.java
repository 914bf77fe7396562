package dev.bridle.sandbox.internal.world;

import dev.bridle.sandbox.AccountFlag;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxFollow;
import dev.bridle.sandbox.SandboxLike;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.api.ErrorCode;
import java.time.Clock;
import java.time.Instant;

/**
 * What an account can do through the API, with the platform's rules: daily account limits (185, 161, 151), the
 * account's own duplicate check (187), text length (186), reply targets (385), DM permission (349) and the
 * {@link AccountFlag#FLAGGED_AUTOMATED} flag (226). v1.1 and v2 handlers both call these, so both APIs enforce the same
 * rules on the same state. Check and change happen under the world's lock.
 */
public final class AccountActions {
    /** The platform's limit, counted here in code points (twitter-text weighs some characters double). */
    static final int MAX_POST_LENGTH = 280;

    static final int MAX_DM_LENGTH = 10_000;

    private final World world;
    private final DailyUsage usage;
    private final SandboxLimits limits;
    private final Clock clock;

    public AccountActions(World world, DailyUsage usage, SandboxLimits limits, Clock clock) {
        this.world = world;
        this.usage = usage;
        this.limits = limits;
        this.clock = clock;
    }

    /** Posts, or replies when {@code inReplyToId} is not null. */
    public SandboxPost post(UserRecord author, String text, String inReplyToId) {
        if (text == null || text.isBlank()) {
            throw ErrorCode.MISSING_PARAMETER.badParameter("text", text, "Missing required parameter: status.");
        }
        if (text.codePointCount(0, text.length()) > MAX_POST_LENGTH) {
            throw ErrorCode.TOO_LONG.exception();
        }
        SandboxPost post;
        synchronized (world) {
            Instant now = clock.instant();
            if (author.has(AccountFlag.FLAGGED_AUTOMATED)) {
                throw ErrorCode.LOOKS_AUTOMATED.exception();
            }
            SandboxPost target = null;
            if (inReplyToId != null) {
                target = world.post(inReplyToId)
                        .filter(p -> !p.deleted())
                        .orElseThrow(ErrorCode.REPLY_TARGET_GONE::exception);
            }
            requireDailyPostAllowance(author, now);
            boolean duplicate = world.postsBy(author.id()).stream()
                    .filter(p -> !p.isRepost())
                    .filter(p -> p.createdAt().isAfter(now.minus(limits.duplicateWindow())))
                    .anyMatch(p -> p.text().trim().equals(text.trim()));
            if (duplicate) {
                throw ErrorCode.DUPLICATE.exception();
            }
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
                    SandboxPost.DEFAULT_LANG);
            world.addPost(post);
            usage.record(author.id(), DailyUsage.Kind.POST, now);
        }
        world.publishPost(post);
        return post;
    }

    /** Deletes one of the author's posts. */
    public void delete(UserRecord author, String postId) {
        synchronized (world) {
            SandboxPost post = livePost(postId, "id");
            if (!post.authorId().equals(author.id())) {
                throw ErrorCode.CANNOT_DELETE_OTHERS.exception();
            }
            world.replacePost(post.asDeleted());
        }
    }

    /** Follows; returns the target. Following someone already followed changes and counts nothing. */
    public UserRecord follow(UserRecord source, String targetId) {
        SandboxFollow follow;
        UserRecord target;
        synchronized (world) {
            target = user(targetId, "target_user_id");
            if (target.id().equals(source.id())) {
                throw ErrorCode.CANNOT_FOLLOW_SELF.exception();
            }
            if (world.isFollowing(source.id(), target.id())) {
                return target;
            }
            Instant now = clock.instant();
            if (usage.count(source.id(), DailyUsage.Kind.FOLLOW, now) >= limits.dailyFollows()) {
                throw ErrorCode.FOLLOW_LIMIT.exception();
            }
            follow = new SandboxFollow(source.id(), source.handle(), target.id(), target.handle(), now, true);
            world.recordFollow(follow);
            usage.record(source.id(), DailyUsage.Kind.FOLLOW, now);
        }
        world.publishFollow(follow);
        return target;
    }

    /** Unfollows; returns the target. */
    public UserRecord unfollow(UserRecord source, String targetId) {
        synchronized (world) {
            UserRecord target = user(targetId, "target_user_id");
            if (world.isFollowing(source.id(), target.id())) {
                world.recordFollow(new SandboxFollow(
                        source.id(), source.handle(), target.id(), target.handle(), clock.instant(), false));
            }
            return target;
        }
    }

    /** Sends a direct message. */
    public SandboxDm sendDm(UserRecord sender, String recipientId, String text) {
        if (text == null || text.isBlank()) {
            throw ErrorCode.MISSING_PARAMETER.badParameter("text", text, "Missing required parameter: text.");
        }
        SandboxDm dm;
        synchronized (world) {
            UserRecord recipient = user(recipientId, "participant_id");
            if (text.length() > MAX_DM_LENGTH) {
                throw ErrorCode.MISSING_PARAMETER.badParameter(
                        "text", "", "The text of your direct message is " + "over the max character limit.");
            }
            if (!recipient.acceptsDms()) {
                throw ErrorCode.CANNOT_DM.exception();
            }
            if (sender.has(AccountFlag.FLAGGED_AUTOMATED)) {
                throw ErrorCode.LOOKS_AUTOMATED.exception();
            }
            Instant now = clock.instant();
            if (usage.count(sender.id(), DailyUsage.Kind.DM, now) >= limits.dailyDms()) {
                throw ErrorCode.DM_LIMIT.exception();
            }
            dm = new SandboxDm(
                    world.nextEventId(),
                    SandboxDm.conversationIdOf(sender.id(), recipient.id()),
                    sender.id(),
                    sender.handle(),
                    recipient.id(),
                    recipient.handle(),
                    text,
                    now);
            world.addDm(dm);
            usage.record(sender.id(), DailyUsage.Kind.DM, now);
        }
        world.publishDm(dm);
        return dm;
    }

    /** Likes a post; liking it again changes nothing. */
    public void like(UserRecord user, String postId) {
        synchronized (world) {
            livePost(postId, "tweet_id");
            if (!world.hasLiked(user.id(), postId)) {
                world.addLike(new SandboxLike(user.id(), user.handle(), postId, clock.instant()));
            }
        }
    }

    /** Reposts a post (counts as a post for the daily limit); reposting it again changes nothing. */
    public SandboxPost repost(UserRecord user, String postId) {
        SandboxPost repost;
        synchronized (world) {
            SandboxPost original = livePost(postId, "tweet_id");
            var existing = world.postsBy(user.id()).stream()
                    .filter(p -> !p.deleted() && postId.equals(p.repostOfId()))
                    .findFirst();
            if (existing.isPresent()) {
                return existing.get();
            }
            Instant now = clock.instant();
            requireDailyPostAllowance(user, now);
            repost = new SandboxPost(
                    world.nextEventId(),
                    user.id(),
                    user.handle(),
                    original.text(),
                    now,
                    null,
                    null,
                    original.id(),
                    false,
                    original.lang());
            world.addPost(repost);
            usage.record(user.id(), DailyUsage.Kind.POST, now);
        }
        world.publishPost(repost);
        return repost;
    }

    /** The post, unless it is unknown or deleted: then a 404 naming {@code parameter}. Under the world's lock. */
    private SandboxPost livePost(String postId, String parameter) {
        return world.post(postId)
                .filter(p -> !p.deleted())
                .orElseThrow(() -> ErrorCode.NO_STATUS.notFound("tweet", parameter, postId));
    }

    /** The user, unless unknown: then a 404 naming {@code parameter}. Under the world's lock. */
    private UserRecord user(String userId, String parameter) {
        return world.userById(userId).orElseThrow(() -> ErrorCode.USER_NOT_FOUND.notFound("user", parameter, userId));
    }

    private void requireDailyPostAllowance(UserRecord author, Instant now) {
        if (usage.count(author.id(), DailyUsage.Kind.POST, now) >= limits.dailyPosts()) {
            throw ErrorCode.DAILY_STATUS_LIMIT.exception();
        }
    }
}
