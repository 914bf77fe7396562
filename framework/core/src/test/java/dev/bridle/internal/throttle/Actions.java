package dev.bridle.internal.throttle;

import dev.bridle.bot.Account;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Action requests for throttle tests. */
final class Actions {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    static final Account ACME = new Account("acme_news", "1001");
    static final Account BETA = new Account("beta_news", "1002");
    static final Account GAMMA = new Account("gamma_news", "1003");

    private Actions() {}

    static Account account(int i) {
        return new Account("bot_" + i, Long.toString(5_000_000L + i));
    }

    static ActionRequest post(Account account) {
        return request(account, ActionKind.POST, "news " + UUID.randomUUID(), List.of(), null, null);
    }

    static ActionRequest reply(Account account, String userId, String inboundId) {
        return request(
                account,
                ActionKind.REPLY,
                "thanks!",
                List.of(new Target(UserRef.ofId(userId), TargetRole.REPLIED_TO)),
                new PostRef("9" + userId, UserRef.ofId(userId)),
                inboundId);
    }

    static ActionRequest mentionPost(Account account, String... userIds) {
        return request(
                account,
                ActionKind.POST,
                "hello",
                java.util.Arrays.stream(userIds)
                        .map(id -> new Target(UserRef.ofId(id), TargetRole.MENTIONED))
                        .toList(),
                null,
                null);
    }

    static ActionRequest directMessage(Account account, String userId) {
        return request(
                account,
                ActionKind.DIRECT_MESSAGE,
                "hi",
                List.of(new Target(UserRef.ofId(userId), TargetRole.RECIPIENT)),
                null,
                null);
    }

    static ActionRequest follow(Account account, String userId) {
        return request(
                account,
                ActionKind.FOLLOW,
                null,
                List.of(new Target(UserRef.ofId(userId), TargetRole.FOLLOWED)),
                null,
                null);
    }

    static ActionRequest unfollow(Account account, String userId) {
        return request(
                account,
                ActionKind.UNFOLLOW,
                null,
                List.of(new Target(UserRef.ofId(userId), TargetRole.UNFOLLOWED)),
                null,
                null);
    }

    static ActionRequest like(Account account, String postId) {
        return request(account, ActionKind.LIKE, null, List.of(), new PostRef(postId, UserRef.ofId("77")), null);
    }

    static ActionRequest repost(Account account, String postId) {
        return request(account, ActionKind.REPOST, null, List.of(), new PostRef(postId, UserRef.ofId("77")), null);
    }

    static ActionRequest request(
            Account account, ActionKind kind, String text, List<Target> targets, PostRef post, String inboundId) {
        return new ActionRequest(UUID.randomUUID(), "test-bot", account, kind, text, targets, post, inboundId, T0);
    }
}
