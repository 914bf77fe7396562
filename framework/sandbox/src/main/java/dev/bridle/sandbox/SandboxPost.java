package dev.bridle.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A post (tweet) as the sandbox stores it: written by a bot account through the API, or by a simulated user through the
 * admin API or the audience script.
 *
 * @param id the post id
 * @param authorId the author's user id
 * @param authorHandle the author's handle
 * @param text the text as posted (for a repost, the original's text)
 * @param createdAt when the sandbox clock says it was created
 * @param inReplyToPostId the post it replies to, or {@code null}
 * @param inReplyToUserId the author of the post it replies to, or {@code null}
 * @param repostOfId the reposted post, or {@code null} when this is not a repost
 * @param deleted whether the author deleted it (deleted posts still count for duplicate checks)
 * @param lang the language X tagged it with: a BCP 47 code such as {@code en}, {@code de}, {@code pt-BR}, or X's
 *     {@code und} (undetermined), {@code zxx} (no linguistic content) and {@code qme}/{@code qam}/{@code qht} (media,
 *     mentions, hashtags only). The sandbox does not detect languages: a post is {@link #DEFAULT_LANG} unless it was
 *     injected with another
 */
public record SandboxPost(
        String id,
        String authorId,
        String authorHandle,
        String text,
        Instant createdAt,
        String inReplyToPostId,
        String inReplyToUserId,
        String repostOfId,
        boolean deleted,
        String lang) {

    /** The language of a post nobody gave one: the sandbox's posts were all English before posts carried one. */
    public static final String DEFAULT_LANG = "en";

    private static final java.util.regex.Pattern LANG =
            java.util.regex.Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})*");

    public SandboxPost {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(authorId, "authorId");
        Objects.requireNonNull(authorHandle, "authorHandle");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lang, "lang");
        if (!isLanguageTag(lang)) {
            throw new IllegalArgumentException(
                    "lang '" + lang + "' is not a BCP 47 language code (en, de, pt-BR, und, ...)");
        }
    }

    /** Whether {@code lang} has the shape of the codes X tags posts with: {@code en}, {@code pt-BR}, {@code und}. */
    public static boolean isLanguageTag(String lang) {
        return lang != null && LANG.matcher(lang).matches();
    }

    /** Whether this post replies to another post. */
    public boolean isReply() {
        return inReplyToPostId != null;
    }

    /** Whether this is a repost (retweet) of another post. */
    public boolean isRepost() {
        return repostOfId != null;
    }

    /** The same post, marked deleted. */
    public SandboxPost asDeleted() {
        return new SandboxPost(
                id, authorId, authorHandle, text, createdAt, inReplyToPostId, inReplyToUserId, repostOfId, true, lang);
    }
}
