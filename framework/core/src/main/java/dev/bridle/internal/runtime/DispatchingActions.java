package dev.bridle.internal.runtime;

import com.twitter.twittertext.Extractor;
import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.GuardedActions;
import dev.bridle.bot.Mention;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.internal.platform.HandleResolver;
import dev.bridle.platform.PlatformException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The {@link GuardedActions} a bot gets: turns each call into an {@link ActionRequest} with every user it
 * reaches, @mentions included, and hands it to the {@link ActionDispatcher}.
 */
final class DispatchingActions implements GuardedActions {

    /** The guard name written to the ledger when an @mention cannot be resolved. */
    static final String MENTIONS_GUARD = "mentions";

    private static final Extractor MENTIONS = new Extractor();

    private final String botName;
    private final Account account;
    private final ActionDispatcher dispatcher;
    private final HandleResolver handles;
    private final Clock clock;

    DispatchingActions(
            String botName, Account account, ActionDispatcher dispatcher, HandleResolver handles, Clock clock) {
        this.botName = botName;
        this.account = account;
        this.dispatcher = dispatcher;
        this.handles = handles;
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

    /** Adds every @mentioned user to the targets; an unresolvable mention denies the action (fail closed). */
    private ActionResult withMentions(
            ActionKind kind, String text, List<Target> direct, PostRef post, String inboundId) {
        Objects.requireNonNull(text, "text");
        List<Target> targets = new ArrayList<>(direct);
        for (String handle : mentionedHandles(text)) {
            Optional<UserRef> user;
            try {
                user = handles.resolve(account, handle);
            } catch (PlatformException | RuntimeException e) {
                return dispatcher.deny(
                        request(kind, text, targets, post, inboundId),
                        MENTIONS_GUARD,
                        ReasonCode.GUARD_UNAVAILABLE,
                        "could not look up @" + handle + " to check consent (" + Errors.describe(e) + ")");
            }
            if (user.isEmpty()) {
                return dispatcher.deny(
                        request(kind, text, targets, post, inboundId),
                        MENTIONS_GUARD,
                        ReasonCode.NO_CONSENT,
                        "@" + handle + " is not a known user, so there is no consent to mention them");
            }
            targets.add(new Target(user.get(), TargetRole.MENTIONED));
        }
        return dispatcher.dispatch(request(kind, text, targets, post, inboundId));
    }

    /** The @handles in {@code text}, in order, without the account itself. */
    private Set<String> mentionedHandles(String text) {
        Set<String> handles = new LinkedHashSet<>();
        for (String h : MENTIONS.extractMentionedScreennames(text)) {
            if (!h.equalsIgnoreCase(account.handle())) {
                handles.add(h);
            }
        }
        return handles;
    }

    private ActionRequest request(ActionKind kind, String text, List<Target> targets, PostRef post, String inboundId) {
        return new ActionRequest(
                UUID.randomUUID(), botName, account, kind, text, targets, post, inboundId, clock.instant());
    }
}
