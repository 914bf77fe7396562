package dev.bridle.internal.platform.twitter;

import dev.bridle.bot.Account;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import java.util.List;
import java.util.UUID;

/** Action requests for adapter tests. */
public final class Actions {

    private Actions() {}

    public static ActionRequest post(Account account, String text) {
        return new ActionRequest(
                UUID.randomUUID(), "poster", account, ActionKind.POST, text, List.of(), null, null, SandboxFixture.T0);
    }

    public static ActionRequest reply(Account account, String postId, String authorId, String text) {
        return new ActionRequest(
                UUID.randomUUID(),
                "replier",
                account,
                ActionKind.REPLY,
                text,
                List.of(new Target(UserRef.ofId(authorId), TargetRole.REPLIED_TO)),
                new PostRef(postId, UserRef.ofId(authorId)),
                postId,
                SandboxFixture.T0);
    }

    public static ActionRequest message(Account account, String recipientId, String text) {
        return new ActionRequest(
                UUID.randomUUID(),
                "messenger",
                account,
                ActionKind.DIRECT_MESSAGE,
                text,
                List.of(new Target(UserRef.ofId(recipientId), TargetRole.RECIPIENT)),
                null,
                null,
                SandboxFixture.T0);
    }

    public static ActionRequest follow(Account account, String userId) {
        return new ActionRequest(
                UUID.randomUUID(),
                "follower",
                account,
                ActionKind.FOLLOW,
                null,
                List.of(new Target(UserRef.ofId(userId), TargetRole.FOLLOWED)),
                null,
                null,
                SandboxFixture.T0);
    }

    public static ActionRequest unfollow(Account account, String userId) {
        return new ActionRequest(
                UUID.randomUUID(),
                "follower",
                account,
                ActionKind.UNFOLLOW,
                null,
                List.of(new Target(UserRef.ofId(userId), TargetRole.UNFOLLOWED)),
                null,
                null,
                SandboxFixture.T0);
    }

    public static ActionRequest like(Account account, String postId, String authorId) {
        return new ActionRequest(
                UUID.randomUUID(),
                "liker",
                account,
                ActionKind.LIKE,
                null,
                List.of(new Target(UserRef.ofId(authorId), TargetRole.POST_AUTHOR)),
                new PostRef(postId, UserRef.ofId(authorId)),
                null,
                SandboxFixture.T0);
    }

    public static ActionRequest repost(Account account, String postId, String authorId) {
        return new ActionRequest(
                UUID.randomUUID(),
                "reposter",
                account,
                ActionKind.REPOST,
                null,
                List.of(new Target(UserRef.ofId(authorId), TargetRole.POST_AUTHOR)),
                new PostRef(postId, UserRef.ofId(authorId)),
                null,
                SandboxFixture.T0);
    }
}
