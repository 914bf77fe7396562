package dev.bridle.bot;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Why a bot may associate a user with an identifier off the platform (X Developer Policy, restricted uses: off-platform
 * matching). The user's express consent is the rule; without it, only information the user gave the bot directly, or
 * public data where the user would expect it to be used.
 *
 * <pre>{@code
 * LinkBasis.consent()                               // a live link_identity consent on the bot's account, checked now
 * LinkBasis.provided(mention)                       // their own message to the bot, which contains the identifier
 * LinkBasis.publicData("their profile's website")   // where it is public
 * }</pre>
 */
public sealed interface LinkBasis {

    /** The longest evidence of a {@link PublicData} basis. */
    int MAX_EVIDENCE_LENGTH = 500;

    /** What a basis is, as the store, the ledger and an export name it. */
    enum Kind {
        /** The user's {@code link_identity} consent. */
        CONSENT("consent"),
        /** The user's own message that contains the identifier. */
        PROVIDED("provided"),
        /** Public data, with where it is public. */
        PUBLIC_DATA("public_data");

        private final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        /** The name in the store and in exports: {@code consent}, {@code provided}, {@code public_data}. */
        public String wireName() {
            return wireName;
        }

        /** The kind named {@code name} ({@link #wireName()}). */
        public static Kind of(String name) {
            for (Kind kind : values()) {
                if (kind.wireName.equals(name)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("unknown link basis '" + name + "'");
        }
    }

    /** Which kind of basis this is. */
    Kind kind();

    /**
     * The user's live {@code link_identity} consent on the bot's account, checked in the consent store when linking.
     */
    static Consent consent() {
        return new Consent();
    }

    /**
     * The user's own mention of the bot's account: linking needs its author to be the user and its text to hold the id.
     */
    static Provided provided(Mention mention) {
        return new Provided(mention.postId(), mention.author(), mention.text());
    }

    /** The user's own direct message to the bot's account; as {@link #provided(Mention)}. */
    static Provided provided(DirectMessage message) {
        return new Provided(message.eventId(), message.sender(), message.text());
    }

    /**
     * Public data.
     *
     * @param where where the identifier is public and linked to the user, for whoever asks later (a non-blank
     *     description or URL of at most {@link #MAX_EVIDENCE_LENGTH} characters)
     */
    static PublicData publicData(String where) {
        return new PublicData(where);
    }

    /** The user's express opt-in: a live {@code link_identity} consent on the bot's account. */
    record Consent() implements LinkBasis {
        @Override
        public Kind kind() {
            return Kind.CONSENT;
        }
    }

    /**
     * Information the user gave the bot directly: their own message, which Bridle received on the bot's account from
     * them, and whose text contains the identifier.
     *
     * @param messageId the mention's post id or the direct message's event id
     * @param from who sent it
     * @param text what it said
     */
    record Provided(String messageId, UserRef from, String text) implements LinkBasis {
        @Override
        public Kind kind() {
            return Kind.PROVIDED;
        }

        /**
         * Whether the message's text contains {@code externalId}, compared without case: both are normalised to Unicode
         * NFKC (so full-width and compatibility forms count as their plain letters), then upper-cased and lower-cased
         * in the root locale, which folds case as Unicode's full case folding does for all but a few letters (such as
         * the Turkish dotless i), so {@code Straße} matches {@code STRASSE}.
         */
        public boolean contains(String externalId) {
            return text != null && externalId != null && fold(text).contains(fold(externalId));
        }

        private static String fold(String s) {
            return Normalizer.normalize(s, Normalizer.Form.NFKC)
                    .toUpperCase(Locale.ROOT)
                    .toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Public data about the user.
     *
     * @param where where it is public (a description or URL); blank or over {@link #MAX_EVIDENCE_LENGTH} characters,
     *     the link is refused
     */
    record PublicData(String where) implements LinkBasis {
        @Override
        public Kind kind() {
            return Kind.PUBLIC_DATA;
        }
    }
}
