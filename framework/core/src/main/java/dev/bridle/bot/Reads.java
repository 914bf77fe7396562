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

    /** The post {@code postId}, if it exists (a deleted post is empty). */
    ReadResult<Optional<Post>> post(String postId);

    /**
     * Recent posts (the last seven days) matching {@code query}, in X's search syntax. The query is classified first:
     * one that tracks sensitive events or groups, profiles one person or counts the platform is refused.
     *
     * @param maxResults 10 to 100
     * @param pageToken the previous page's {@link PostPage#nextToken()}, or {@code null} for the first page
     */
    ReadResult<PostPage> search(String query, int maxResults, String pageToken);

    /** The bot's own account's posts, newest first, a page at a time. */
    ReadResult<PostPage> ownPosts(int maxResults, String pageToken);

    /** The bot's own account's followers, a page at a time. */
    ReadResult<UserPage> followers(int maxResults, String pageToken);

    /** The filtered-stream rules of the bot's app: each rule added is classified as a search query is. */
    StreamRules streamRules();
}
