package dev.bridle.internal.dedupe;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A post, reply or message as duplicate detection remembers it: enough to compare a new text with it and to name it in
 * a denial, but not its text.
 *
 * @param requestId the action's request id (ties it to the ledger)
 * @param account the handle of the account that sent it, without {@code @}
 * @param channel public post or direct message
 * @param fingerprint what is compared
 * @param at when it was reserved
 * @param platformId the platform's id once sent, or {@code null} while pending or in doubt
 */
public record StoredPost(
        UUID requestId, String account, Channel channel, Fingerprint fingerprint, Instant at, String platformId) {

    public StoredPost {
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(at, "at");
    }

    /** This post, sent as {@code platformId}. */
    public StoredPost sent(String platformId) {
        return new StoredPost(requestId, account, channel, fingerprint, at, platformId);
    }

    /** How people see it in a denial: the platform id when known, else the request id. */
    public String describe() {
        String what = platformId != null ? "post " + platformId : "pending post (request " + requestId + ")";
        return what + " by @" + account + " at " + at;
    }
}
