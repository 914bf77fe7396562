package dev.bridle.bot;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The filtered-stream rules of the bot's app ({@code POST /2/tweets/search/stream/rules}), reached from
 * {@link Reads#streamRules()}. A rule says what the bot will read, so an add passes the read plan as a search does: one
 * of the bot's purposes must need searching, and the rule is classified first; one that tracks sensitive events or
 * groups, profiles one person or counts the platform is refused ({@link ReasonCode#SURVEILLANCE},
 * {@link ReasonCode#PROFILING}, {@link ReasonCode#SERVICE_MEASUREMENT}) and never reaches the platform. Every call is
 * in the ledger with a hash of the rule, never its text. Rules belong to the app, so every bot and account on it sees
 * the same ones.
 *
 * <p>Bridle registers and classifies rules; it does not consume the stream ({@code GET /2/tweets/search/stream}) yet.
 */
public interface StreamRules {

    /**
     * Registers one rule. A rule the platform rejects (invalid, a duplicate, too long, over the app's cap) is
     * {@link ReadResult.Failed} with the platform's reason.
     *
     * @param value the rule, in X's search syntax
     * @param tag a label for what the rule is for, or {@code null}
     */
    ReadResult<StreamRule> add(String value, String tag);

    /** The app's rules, as the platform lists them. */
    ReadResult<List<StreamRule>> list();

    /**
     * Deletes rules by id. Removing a rule watches nothing, so no purpose is needed for it; it is ledgered all the
     * same, and refused ({@link ReasonCode#ACCOUNT_PAUSED}) while the account is paused.
     *
     * @return the ids deleted (those the app did not have are left out)
     */
    ReadResult<Set<String>> delete(Collection<String> ids);
}
