package dev.bridle.internal.platform.twitter;

import dev.bridle.guard.ActionKind;
import dev.bridle.platform.ActionTrace;
import dev.bridle.platform.PlatformException;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Finds an in-doubt action on the platform (see {@code Platform.findApplied}): a post or reply by the content hash of
 * the account's recent posts (and the post replied to, when known), a repost by the post reposted, a message by content
 * hash and recipient, a follow or unfollow by the following list, a like by the liked posts. When what the platform
 * shows does not reach back far enough to be sure, it says so by throwing: the action then stays in doubt.
 */
final class AppliedLookup {

    private final Posts posts;
    private final FollowingV2 following;
    private final EngagementV2 engagement;
    private final DmEventsV2 dms;

    AppliedLookup(Posts posts, FollowingV2 following, EngagementV2 engagement, DmEventsV2 dms) {
        this.posts = posts;
        this.following = following;
        this.engagement = engagement;
        this.dms = dms;
    }

    Optional<String> find(Session session, String userId, ActionTrace trace) throws PlatformException {
        return switch (trace.kind()) {
            case POST, REPLY -> post(session, userId, trace);
            case REPOST -> repost(session, userId, trace);
            case DIRECT_MESSAGE -> message(session, userId, trace);
            case FOLLOW ->
                following.follows(session, userId, target(trace)) ? Optional.of(target(trace)) : Optional.empty();
            case UNFOLLOW ->
                following.follows(session, userId, target(trace)) ? Optional.empty() : Optional.of(target(trace));
            case LIKE -> engagement.liked(session, userId, post(trace)) ? Optional.of(post(trace)) : Optional.empty();
        };
    }

    private Optional<String> post(Session session, String userId, ActionTrace trace) throws PlatformException {
        if (trace.contentHash() == null) {
            throw cannot(trace, "it has no content hash");
        }
        Window<SeenPost> window = posts.recent(session, userId, trace.notBefore());
        for (SeenPost p : window.items()) {
            boolean sameTarget = trace.kind() != ActionKind.REPLY
                    || trace.postId() == null
                    || p.inReplyTo() == null
                    || trace.postId().equals(p.inReplyTo());
            if (p.repostOf() == null && sameTarget && trace.sameText(p.text())) {
                return Optional.of(p.id());
            }
        }
        return absent(window, trace);
    }

    private Optional<String> repost(Session session, String userId, ActionTrace trace) throws PlatformException {
        String original = post(trace);
        Window<SeenPost> window = posts.recent(session, userId, trace.notBefore());
        for (SeenPost p : window.items()) {
            if (original.equals(p.repostOf())) {
                return Optional.of(original);
            }
        }
        return absent(window, trace);
    }

    private Optional<String> message(Session session, String userId, ActionTrace trace) throws PlatformException {
        String recipient = target(trace);
        if (trace.contentHash() == null) {
            throw cannot(trace, "it has no content hash");
        }
        String conversation = conversationId(userId, recipient);
        Window<DmEventsV2.SentDm> window = dms.sent(session, userId, trace.notBefore());
        for (DmEventsV2.SentDm dm : window.items()) {
            boolean toRecipient = dm.participants().contains(recipient) || conversation.equals(dm.conversationId());
            if (toRecipient && trace.sameText(dm.text())) {
                return Optional.of(dm.id());
            }
        }
        return absent(window, trace);
    }

    /** A one-to-one conversation's id: the smaller user id, a dash, the larger. */
    static String conversationId(String a, String b) {
        return new BigInteger(a).compareTo(new BigInteger(b)) <= 0 ? a + "-" + b : b + "-" + a;
    }

    private static Optional<String> absent(Window<?> window, ActionTrace trace) throws PlatformException {
        if (window.complete()) {
            return Optional.empty();
        }
        throw cannot(
                trace, "the platform's list does not reach back to " + trace.notBefore() + " within the pages read");
    }

    private static String target(ActionTrace trace) throws PlatformException {
        if (trace.firstTarget() == null) {
            throw cannot(trace, "it names no target user");
        }
        return trace.firstTarget();
    }

    private static String post(ActionTrace trace) throws PlatformException {
        if (trace.postId() == null) {
            throw cannot(trace, "the post it acted on is not known (the ledger keeps only the post's author)");
        }
        return trace.postId();
    }

    private static PlatformException cannot(ActionTrace trace, String why) {
        return new PlatformException(
                PlatformException.Kind.REJECTED,
                "cannot tell whether the " + trace.kind() + " of @"
                        + trace.account().handle() + " took effect: " + why);
    }
}
