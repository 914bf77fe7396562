package dev.bridle.config;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a bot's facts about a person become when that person opts out or withdraws consent, chosen per bot
 * ({@code onConsentEnd:} in a bot's configuration).
 *
 * <p>{@link #FORGET} is the default and the right answer for almost every bot: the facts served a relationship the
 * person has just ended. {@link #KEEP_PROVIDED} is for a relationship that outlives the conversation, where the person
 * gave the bot something to be served by it (an order number for a refund still under way, the language they want a
 * support case answered in): such facts are what the person provided, not what the bot worked out, and the operator may
 * need them to finish what was asked or to account for it. Everything else the bot holds about the person still goes:
 * facts it derived or was not given directly, and facts whose message it cannot show came from that person to the bot's
 * account. An erasure request ({@code bridle people forget}) and a deletion on the platform forget kept facts too.
 */
public enum OnConsentEnd {

    /** Forget everything the bot holds about the person. */
    FORGET,

    /**
     * Keep only the facts the person provided: learnt from a message that Bridle received on the bot's account from
     * that person (a mention or a direct message it handled); forget the rest.
     */
    KEEP_PROVIDED;

    /** How configuration spells it: {@code forget}, {@code keep-provided}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The mode spelt {@code name} in configuration (case, {@code -} and {@code _} aside). */
    public static Optional<OnConsentEnd> named(String name) {
        String wanted = name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.name().equals(wanted)).findFirst();
    }
}
