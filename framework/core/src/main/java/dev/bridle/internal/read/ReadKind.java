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
    FOLLOWERS(Purpose.Use.FOLLOWERS);

    private final Purpose.Use use;

    ReadKind(Purpose.Use use) {
        this.use = use;
    }

    /** What a purpose must allow for this read. */
    public Purpose.Use use() {
        return use;
    }

    /** The ledger's action kind for this read: {@code READ_SEARCH_RECENT}. */
    public String ledgerKind() {
        return "READ_" + name();
    }
}
