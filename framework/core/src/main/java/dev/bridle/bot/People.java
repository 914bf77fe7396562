package dev.bridle.bot;

import java.util.Map;
import java.util.Optional;

/**
 * What the bot remembers about people: the only durable per-user store a bot gets. Every fact written is screened
 * first; a fact in a restricted category (health, negative financial status, political affiliation, racial or ethnic
 * origin, religious or philosophical beliefs, sex life or orientation, trade union membership, crime) is refused,
 * whether the person told the bot or the bot worked it out, and the refusal goes to the ledger without the value. Facts
 * are private to the bot, keyed by the user's id, and forgotten when the person opts out or withdraws consent.
 *
 * <pre>{@code
 * FactResult r = ctx.people().put(mention.author(), "preferred-language", "de");
 * if (!r.stored()) {
 *     ctx.log().info("not remembered: {}", r.reason());
 * }
 * }</pre>
 */
public interface People {

    /**
     * Remembers {@code value} under {@code key} for {@code user}, replacing an earlier value, unless the fact is in a
     * restricted category; durable on return when stored.
     *
     * @param key what the fact is, at most 200 characters ({@code "preferred-language"})
     * @param value the fact, at most 4,000 characters
     */
    default FactResult put(UserRef user, String key, String value) {
        return put(user, key, value, null);
    }

    /**
     * As {@link #put(UserRef, String, String)}, for a fact learnt from the post {@code source}: when that post is
     * deleted on the platform, the fact is forgotten with it (within a day, as the platform asks).
     *
     * @param source the post the fact came from, or {@code null}
     */
    FactResult put(UserRef user, String key, String value, PostRef source);

    /** The fact stored under {@code key} for {@code user}, if any. */
    Optional<String> get(UserRef user, String key);

    /** Every fact this bot holds about {@code user}, by key. */
    Map<String, String> all(UserRef user);

    /** Forgets the fact under {@code key} for {@code user}; does nothing if there is none. */
    void forget(UserRef user, String key);

    /** Forgets every fact this bot holds about {@code user}. */
    void forget(UserRef user);
}
