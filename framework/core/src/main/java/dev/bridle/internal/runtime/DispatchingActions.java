package dev.bridle.internal.runtime;

import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.GuardedActions;
import dev.bridle.bot.Mention;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * The {@link GuardedActions} a bot gets: turns each call into an {@link ActionRequest} with the users it names (the
 * person replied to, the recipient, the followed) and hands it to the {@link ActionDispatcher}, whose plan adds those
 * the text @mentions ({@link MentionStep}).
 */
final class DispatchingActions implements GuardedActions {

    private final String botName;
    private final Account account;
    private final ActionDispatcher dispatcher;
    private final Clock clock;

    DispatchingActions(String botName, Account account, ActionDispatcher dispatcher, Clock clock) {
        this.botName = botName;
        this.account = account;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Override
    public ActionResult post(String text) {
        return withMentions(ActionKind.POST, text, List.of(), null, null);
    }

    @Override
    public ActionResult reply(Mention mention, String text) {
        Objects.requireNonNull(mention, "mention");
        return withMentions(
                ActionKind.REPLY,
                text,
                List.of(new Target(mention.author(), TargetRole.REPLIED_TO)),
                mention.post(),
                mention.postId());
    }

    @Override
    public ActionResult reply(PostRef post, String text) {
        Objects.requireNonNull(post, "post");
        List<Target> targets =
                post.author() == null ? List.of() : List.of(new Target(post.author(), TargetRole.REPLIED_TO));
        return withMentions(ActionKind.REPLY, text, targets, post, post.id());
    }

    @Override
    public ActionResult directMessage(UserRef recipient, String text) {
        Objects.requireNonNull(recipient, "recipient");
        Objects.requireNonNull(text, "text");
        return dispatcher.dispatch(request(
                ActionKind.DIRECT_MESSAGE, text, List.of(new Target(recipient, TargetRole.RECIPIENT)), null, null));
    }

    @Override
    public ActionResult follow(UserRef user) {
        Objects.requireNonNull(user, "user");
        return dispatcher.dispatch(
                request(ActionKind.FOLLOW, null, List.of(new Target(user, TargetRole.FOLLOWED)), null, null));
    }

    @Override
    public ActionResult unfollow(UserRef user) {
        Objects.requireNonNull(user, "user");
        return dispatcher.dispatch(
                request(ActionKind.UNFOLLOW, null, List.of(new Target(user, TargetRole.UNFOLLOWED)), null, null));
    }

    @Override
    public ActionResult like(PostRef post) {
        return onPost(ActionKind.LIKE, post);
    }

    @Override
    public ActionResult repost(PostRef post) {
        return onPost(ActionKind.REPOST, post);
    }

    private ActionResult onPost(ActionKind kind, PostRef post) {
        Objects.requireNonNull(post, "post");
        List<Target> targets =
                post.author() == null ? List.of() : List.of(new Target(post.author(), TargetRole.POST_AUTHOR));
        return dispatcher.dispatch(request(kind, null, targets, post, null));
    }

    /** The plan's first step adds every user the text @mentions to the targets ({@link MentionStep}). */
    private ActionResult withMentions(
            ActionKind kind, String text, List<Target> direct, PostRef post, String inboundId) {
        Objects.requireNonNull(text, "text");
        return dispatcher.dispatch(request(kind, text, direct, post, inboundId));
    }

    private ActionRequest request(ActionKind kind, String text, List<Target> targets, PostRef post, String inboundId) {
        return new ActionRequest(
                UUID.randomUUID(), botName, account, kind, text, targets, post, inboundId, clock.instant());
    }
}
