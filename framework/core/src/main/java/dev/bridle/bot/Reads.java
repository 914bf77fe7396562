package dev.bridle.bot;

import java.util.List;
import java.util.Optional;

/**
 * What a bot may read from the platform, as its account. Each read passes the read plan first: one of the bot's
 * declared purposes must need it (a user lookup needs {@code customer_support}, {@code engagement_with_consent} or
 * {@code account_management}, for example), and it fails closed. Each is recorded in the ledger with a hash of what was
 * asked and how many objects came back, never the content.
 */
public interface Reads {

    /** The user with {@code handle} (with or without {@code @}), if there is one. */
    ReadResult<Optional<UserRef>> user(String handle);

    /** Posts mentioning the bot's account newer than {@code sinceId} ({@code null}: all recent ones), oldest first. */
    ReadResult<List<Mention>> mentions(String sinceId);
}
