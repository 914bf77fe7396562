package dev.bridle.internal.consent;

import dev.bridle.config.ConsentPolicy;
import dev.bridle.consent.ConsentScope;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;

/**
 * How consent is recorded and checked. Start from {@link #defaults} and change what differs.
 *
 * @param operator the operator's name in consent records and receipts (the controller); the app's name by default
 * @param expiry how long a grant lasts unless it says otherwise
 * @param notice the notice people answer with START: its text, version and the scopes it offers
 * @param policyVersion the version of the operator's privacy policy, recorded with each grant; or {@code null}
 * @param policyUrl where that policy is, for receipts; or {@code null}
 * @param jurisdiction where consent is governed, a tag such as {@code EU} or {@code US-CA}; or {@code null}
 * @param controllerContact how people reach the operator about their data, for receipts; or {@code null}
 * @param cacheTtl how long a node trusts a cached consent history that another node may have changed
 * @param interactionHashtag a hashtag (without {@code #}) that, in a mention of one of the accounts, is consent to one
 *     automated reply to that mention; {@code null} (the default) turns this off
 * @param interactionExpiry how long such a single-use consent waits for its reply
 */
public record ConsentSettings(
        String operator,
        Duration expiry,
        Notice notice,
        String policyVersion,
        String policyUrl,
        String jurisdiction,
        String controllerContact,
        Duration cacheTtl,
        String interactionHashtag,
        Duration interactionExpiry) {

    /**
     * A year. GDPR sets no period; consent is not forever, and a record should still reflect what the person wants, so
     * an operator asks again yearly. Long enough that people are not nagged.
     */
    public static final Duration DEFAULT_EXPIRY = ConsentPolicy.DEFAULT_EXPIRY;

    /**
     * Five seconds: the longest a consent change made on another node can go unseen here. Changes made on this node are
     * seen at once (the cache is invalidated on every write). An opt-out is never subject to this: the final check
     * reads the database before every send.
     */
    public static final Duration DEFAULT_CACHE_TTL = ConsentPolicy.DEFAULT_CACHE_TTL;

    /** A day: a reply to a mention later than that is not an answer to it. */
    public static final Duration DEFAULT_INTERACTION_EXPIRY = ConsentPolicy.DEFAULT_INTERACTION_EXPIRY;

    /** The notice version used until the operator configures one. */
    public static final String DEFAULT_NOTICE_VERSION = "bridle-default-1";

    /** The notice used until the operator configures one; START agrees to what it lists. */
    public static final String DEFAULT_NOTICE_TEXT =
            "This account is an automated bot. Reply START to agree to automated"
                    + " replies, mentions and direct messages from this operator's accounts. Reply STOP at any time to stop them all.";

    public ConsentSettings {
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(notice, "notice");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(interactionExpiry, "interactionExpiry");
        if (operator.isBlank()) {
            throw new IllegalArgumentException("consent needs the operator's name");
        }
        if (expiry.isZero() || expiry.isNegative() || interactionExpiry.isZero() || interactionExpiry.isNegative()) {
            throw new IllegalArgumentException(
                    "consent expiries must be positive: " + expiry + ", " + interactionExpiry);
        }
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("the consent cache time must not be negative: " + cacheTtl);
        }
        if (interactionHashtag != null) {
            String tag = interactionHashtag.startsWith("#") ? interactionHashtag.substring(1) : interactionHashtag;
            if (tag.isBlank() || tag.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException(
                        "the interaction hashtag is one word, not '" + interactionHashtag + "'");
            }
            interactionHashtag = tag.toLowerCase(Locale.ROOT);
        }
    }

    /** The defaults, for {@code operator}. */
    public static ConsentSettings defaults(String operator) {
        return new ConsentSettings(
                operator,
                DEFAULT_EXPIRY,
                defaultNotice(),
                null,
                null,
                null,
                null,
                DEFAULT_CACHE_TTL,
                null,
                DEFAULT_INTERACTION_EXPIRY);
    }

    /** The default notice: replies, mentions and direct messages, in English. */
    public static Notice defaultNotice() {
        return new Notice(
                DEFAULT_NOTICE_VERSION,
                DEFAULT_NOTICE_TEXT,
                EnumSet.of(ConsentScope.REPLY, ConsentScope.MENTION, ConsentScope.DM),
                "en");
    }

    /** The same settings with {@code notice}. */
    public ConsentSettings withNotice(Notice notice) {
        return new ConsentSettings(
                operator,
                expiry,
                notice,
                policyVersion,
                policyUrl,
                jurisdiction,
                controllerContact,
                cacheTtl,
                interactionHashtag,
                interactionExpiry);
    }

    /** The same settings with grants lasting {@code expiry}. */
    public ConsentSettings withExpiry(Duration expiry) {
        return new ConsentSettings(
                operator,
                expiry,
                notice,
                policyVersion,
                policyUrl,
                jurisdiction,
                controllerContact,
                cacheTtl,
                interactionHashtag,
                interactionExpiry);
    }

    /** The same settings with the policy, jurisdiction and contact that receipts show. */
    public ConsentSettings withPolicy(
            String policyVersion, String policyUrl, String jurisdiction, String controllerContact) {
        return new ConsentSettings(
                operator,
                expiry,
                notice,
                policyVersion,
                policyUrl,
                jurisdiction,
                controllerContact,
                cacheTtl,
                interactionHashtag,
                interactionExpiry);
    }

    /** The same settings with the cache trusted for {@code ttl}. */
    public ConsentSettings withCacheTtl(Duration ttl) {
        return new ConsentSettings(
                operator,
                expiry,
                notice,
                policyVersion,
                policyUrl,
                jurisdiction,
                controllerContact,
                ttl,
                interactionHashtag,
                interactionExpiry);
    }

    /** The same settings with mention-plus-{@code hashtag} consent on (or off, for {@code null}). */
    public ConsentSettings withInteractionHashtag(String hashtag) {
        return new ConsentSettings(
                operator,
                expiry,
                notice,
                policyVersion,
                policyUrl,
                jurisdiction,
                controllerContact,
                cacheTtl,
                hashtag,
                interactionExpiry);
    }
}
