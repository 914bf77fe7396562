package dev.bridle.internal.consent;

import dev.bridle.bot.Account;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Action requests for guard tests, as {@code @acme_help}. */
public final class Actions {

    public static final Account HELP = new Account("acme_help", "1002");
    public static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    private Actions() {}

    public static ActionRequest reply(String to, String postId, String... mentioned) {
        List<Target> targets = new ArrayList<>();
        targets.add(new Target(UserRef.ofId(to), TargetRole.REPLIED_TO));
        for (String m : mentioned) {
            targets.add(new Target(UserRef.ofId(m), TargetRole.MENTIONED));
        }
        return new ActionRequest(
                UUID.randomUUID(),
                "thanks",
                HELP,
                ActionKind.REPLY,
                "thanks!",
                targets,
                new PostRef(postId, UserRef.ofId(to)),
                postId,
                T0);
    }

    public static ActionRequest post(String... mentioned) {
        List<Target> targets = new ArrayList<>();
        for (String m : mentioned) {
            targets.add(new Target(UserRef.ofId(m), TargetRole.MENTIONED));
        }
        return new ActionRequest(UUID.randomUUID(), "poster", HELP, ActionKind.POST, "hello", targets, null, null, T0);
    }

    public static ActionRequest dm(String to) {
        return new ActionRequest(
                UUID.randomUUID(),
                "dm-bot",
                HELP,
                ActionKind.DIRECT_MESSAGE,
                "hi",
                List.of(new Target(UserRef.ofId(to), TargetRole.RECIPIENT)),
                null,
                null,
                T0);
    }

    public static ActionRequest follow(String user) {
        return new ActionRequest(
                UUID.randomUUID(),
                "follower",
                HELP,
                ActionKind.FOLLOW,
                null,
                List.of(new Target(UserRef.ofId(user), TargetRole.FOLLOWED)),
                null,
                null,
                T0);
    }

    public static ActionRequest unfollow(String user) {
        return new ActionRequest(
                UUID.randomUUID(),
                "follower",
                HELP,
                ActionKind.UNFOLLOW,
                null,
                List.of(new Target(UserRef.ofId(user), TargetRole.UNFOLLOWED)),
                null,
                null,
                T0);
    }

    public static ActionRequest like(String author) {
        return new ActionRequest(
                UUID.randomUUID(),
                "liker",
                HELP,
                ActionKind.LIKE,
                null,
                List.of(new Target(UserRef.ofId(author), TargetRole.POST_AUTHOR)),
                new PostRef("1600", UserRef.ofId(author)),
                null,
                T0);
    }

    /** Bridle's own reply to {@code to}'s post, mentioning {@code mentioned}. */
    public static ActionRequest complianceReply(String to, String postId, String... mentioned) {
        ActionRequest r = reply(to, postId, mentioned);
        return new ActionRequest(
                r.requestId(),
                "bridle-keywords",
                r.account(),
                r.kind(),
                r.text(),
                r.targets(),
                r.post(),
                r.inboundId(),
                r.requestedAt(),
                ActionOrigin.COMPLIANCE);
    }

    /** Bridle's own direct message to {@code to}. */
    public static ActionRequest complianceDm(String to) {
        ActionRequest r = dm(to);
        return new ActionRequest(
                r.requestId(),
                "bridle-keywords",
                r.account(),
                r.kind(),
                r.text(),
                r.targets(),
                r.post(),
                r.inboundId(),
                r.requestedAt(),
                ActionOrigin.COMPLIANCE);
    }
}
