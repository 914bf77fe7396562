package dev.bridle.internal.identity;

import dev.bridle.bot.LinkBasis;
import dev.bridle.bot.UserRef;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.Coverage;
import dev.bridle.internal.people.MessageOrigins;
import java.time.Clock;
import java.util.Objects;

/**
 * Whether a link between a user and an identifier off the platform has a basis that holds now. The rule (X Developer
 * Policy, restricted uses, off-platform matching): associating a user with an off-platform identifier needs their
 * express opt-in consent; without it, only information the user gave directly or public data may be used. So a basis
 * holds when
 *
 * <ul>
 *   <li>{@link LinkBasis.Consent}: the consent store, read now from the database (not a cache), has a live
 *       {@code link_identity} grant from the user covering the bot's account, as the consent guard asks of a scope;
 *   <li>{@link LinkBasis.Provided}: the message is from the user, Bridle received it on the bot's account from them
 *       ({@link MessageOrigins}, the record of handled inbound messages), and its text contains the identifier
 *       ({@link LinkBasis.Provided#contains});
 *   <li>{@link LinkBasis.PublicData}: it says where, in 1 to {@link LinkBasis#MAX_EVIDENCE_LENGTH} characters with no
 *       control characters.
 * </ul>
 *
 * Anything else fails, {@code null} included. Messages name the user and the basis, never the identifier. A store that
 * cannot answer throws; the caller refuses.
 */
public final class LinkBasisCheck {

    private final ConsentRegistry consents;
    private final MessageOrigins origins;
    private final Clock clock;

    public LinkBasisCheck(ConsentRegistry consents, MessageOrigins origins, Clock clock) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.origins = Objects.requireNonNull(origins, "origins");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What {@link #check} decided. */
    public sealed interface Decision {
        /**
         * The basis holds; {@code evidence} is what the link keeps to show it: the covering consent event's id, the
         * message's id, or where the data is public.
         */
        record Holds(LinkBasis.Kind kind, String evidence) implements Decision {}

        /** It does not; {@code message} says why. */
        record Fails(String message) implements Decision {}
    }

    /** Whether {@code basis} allows linking {@code user} to {@code externalId} for a bot on {@code account}, now. */
    public Decision check(String account, UserRef user, String externalId, LinkBasis basis) {
        Objects.requireNonNull(user, "user");
        if (basis == null) {
            return new Decision.Fails("linking " + user + " to an identifier off the platform needs a basis: their"
                    + " link_identity consent, their own message that contains it, or where it is public");
        }
        if (basis instanceof LinkBasis.Consent) {
            return consent(account, user);
        }
        if (basis instanceof LinkBasis.Provided provided) {
            return provided(account, user, externalId, provided);
        }
        return publicData(user, (LinkBasis.PublicData) basis); // the basis is sealed: nothing else is one
    }

    private Decision consent(String account, UserRef user) {
        Coverage coverage =
                consents.state(user.id()).coverage(ConsentScope.LINK_IDENTITY, account, clock.instant(), null);
        return switch (coverage.kind()) {
            case COVERED ->
                new Decision.Holds(
                        LinkBasis.Kind.CONSENT, coverage.event().eventId().toString());
            case EXPIRED -> new Decision.Fails(user + "'s link_identity consent on @" + account + " has expired");
            case WITHDRAWN -> new Decision.Fails(user + " withdrew link_identity consent on @" + account);
            case OTHER_SCOPES, NONE ->
                new Decision.Fails(user + " has not consented to link_identity on @" + account
                        + ", which linking on consent needs");
        };
    }

    private Decision provided(String account, UserRef user, String externalId, LinkBasis.Provided message) {
        if (message.messageId() == null || message.from() == null || message.text() == null) {
            return new Decision.Fails("information " + user + " provided needs their message: its id, sender and text");
        }
        if (!message.from().id().equals(user.id())) {
            return new Decision.Fails("message " + message.messageId() + " is from " + message.from() + ", not " + user
                    + ": only what a person gave the bot themselves counts as provided");
        }
        if (!message.contains(externalId)) {
            return new Decision.Fails(
                    "message " + message.messageId() + " from " + user + " does not contain the identifier");
        }
        if (!origins.receivedFrom(account, message.messageId(), user.id())) {
            return new Decision.Fails("Bridle did not receive message " + message.messageId() + " from " + user
                    + " on @" + account + "; only a message the bot's account received from them counts as provided");
        }
        return new Decision.Holds(LinkBasis.Kind.PROVIDED, message.messageId());
    }

    private static Decision publicData(UserRef user, LinkBasis.PublicData data) {
        String where = data.where();
        if (where == null || where.isBlank()) {
            return new Decision.Fails("public data about " + user + " needs evidence of where it is public");
        }
        if (where.length() > LinkBasis.MAX_EVIDENCE_LENGTH) {
            return new Decision.Fails("where public data is, is at most " + LinkBasis.MAX_EVIDENCE_LENGTH
                    + " characters; this has " + where.length());
        }
        if (where.chars().anyMatch(Character::isISOControl)) {
            return new Decision.Fails("where public data is, holds no control characters");
        }
        return new Decision.Holds(LinkBasis.Kind.PUBLIC_DATA, where.strip());
    }
}
