package dev.bridle.guard;

import dev.bridle.bot.Account;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.UserRef;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One outbound action as the guards see it: who asks, as which account, to do what, to whom.
 *
 * @param requestId unique per request; ties the ledger's decision and outcome rows together
 * @param botName the bot asking
 * @param account the account it acts as
 * @param kind what it wants to do
 * @param text the text to send, or {@code null} for follows, likes and reposts
 * @param targets every user the action reaches
 * @param post the post replied to, liked or reposted, or {@code null}
 * @param inboundId the inbound mention or message this action answers, or {@code null}
 * @param requestedAt when the bot asked
 * @param origin a bot's action, or Bridle's compliance message (see {@link ActionOrigin})
 */
public record ActionRequest(
        UUID requestId,
        String botName,
        Account account,
        ActionKind kind,
        String text,
        List<Target> targets,
        PostRef post,
        String inboundId,
        Instant requestedAt,
        ActionOrigin origin) {

    public ActionRequest {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(botName, "botName");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(origin, "origin");
        targets = List.copyOf(targets);
        if (kind.carriesText()) {
            Objects.requireNonNull(text, "text");
        }
    }

    /** A bot's action ({@link ActionOrigin#BOT}). */
    public ActionRequest(
            UUID requestId,
            String botName,
            Account account,
            ActionKind kind,
            String text,
            List<Target> targets,
            PostRef post,
            String inboundId,
            Instant requestedAt) {
        this(requestId, botName, account, kind, text, targets, post, inboundId, requestedAt, ActionOrigin.BOT);
    }

    /**
     * Whether {@code target} is the user a compliance message answers, and so exempt from consent and opt-out: the
     * reply target of a compliance reply or the recipient of a compliance direct message. Anyone else the message
     * reaches (an @mention) is checked as usual.
     */
    public boolean answers(Target target) {
        return origin == ActionOrigin.COMPLIANCE
                && ((kind == ActionKind.REPLY && target.role() == TargetRole.REPLIED_TO)
                        || (kind == ActionKind.DIRECT_MESSAGE && target.role() == TargetRole.RECIPIENT));
    }

    /** The users reached, in order, without duplicates. */
    public List<UserRef> targetUsers() {
        return targets.stream().map(Target::user).distinct().toList();
    }

    /** Whether the action reaches any user directly (a reply, mention, message or follow). */
    public boolean isTargeted() {
        return !targets.isEmpty();
    }
}
