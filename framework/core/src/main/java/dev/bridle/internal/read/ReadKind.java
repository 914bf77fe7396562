package dev.bridle.internal.read;

import dev.bridle.config.Purpose;

/** What a bot reads, and which {@link Purpose.Use} a declared purpose must allow for it. */
public enum ReadKind {
    /** A user by handle or id. */
    USER_LOOKUP(Purpose.Use.READ_USERS),
    /** A post by id. */
    POST_LOOKUP(Purpose.Use.READ_POSTS),
    /** Recent posts matching a query ({@code GET /2/tweets/search/recent}). */
    SEARCH_RECENT(Purpose.Use.SEARCH),
    /** The bot's own account's posts. */
    OWN_TIMELINE(Purpose.Use.OWN_TIMELINE),
    /** Posts mentioning the bot's own account. */
    MENTIONS(Purpose.Use.MENTIONS),
    /** The bot's own account's followers. */
    FOLLOWERS(Purpose.Use.FOLLOWERS),
    /**
     * A filtered-stream rule added ({@code POST /2/tweets/search/stream/rules}): what the bot will read, like a search.
     */
    STREAM_RULES(Purpose.Use.SEARCH),
    /** The app's filtered-stream rules listed. */
    STREAM_RULES_LIST(Purpose.Use.SEARCH),
    /**
     * Filtered-stream rules deleted. The runtime does not plan it for purpose or watch rules (removing a rule watches
     * nothing, and a bot that lost its search purpose must still be able to stop watching), only for a paused account;
     * it is ledgered like the rest.
     */
    STREAM_RULES_DELETE(Purpose.Use.SEARCH);

    private final Purpose.Use use;

    ReadKind(Purpose.Use use) {
        this.use = use;
    }

    /** What a purpose must allow for this read. */
    public Purpose.Use use() {
        return use;
    }

    /** Whether the watch rules classify what this read asks for: a search query or a stream rule. */
    public boolean watched() {
        return this == SEARCH_RECENT || this == STREAM_RULES;
    }

    /** The ledger's action kind for this read: {@code READ_SEARCH_RECENT}. */
    public String ledgerKind() {
        return "READ_" + name();
    }
}
