package dev.bridle.internal.dedupe;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The durable side of duplicate detection: one row per reserved post, and one claim per exact text and channel that
 * makes exact duplicates atomic across nodes sharing a database. Implementations throw
 * {@link FingerprintStoreException} when the database fails; callers deny (fail closed).
 */
public interface PostFingerprintStore {

    /**
     * Records {@code post} as pending and claims its exact text in its channel until {@code window} after
     * {@code post.at()}, in one transaction. A live claim by another reservation wins: then nothing is recorded and its
     * holder is returned. An expired claim is taken over.
     *
     * @param accountMayRepeat whether the account holding a live claim may still post the same text again (the policy
     *     allows exact repeats within an account)
     */
    default Claim reserve(StoredPost post, Duration window, boolean accountMayRepeat) {
        return reserve(post, window, accountMayRepeat, peer -> {}, () -> true);
    }

    /**
     * As {@link #reserve(StoredPost, Duration, boolean)}, once {@code admission} allows it.
     *
     * <p>On a store several nodes share, every reservation first takes one lock that all nodes' reservations and
     * releases take, then hands {@code peers} every reservation released and every post reserved since this store last
     * looked (or since {@link #forEachSince} read them), releases first, then asks {@code admission}, then claims and
     * commits, and only then lets the lock go. So a check that {@code admission} makes against those posts (the
     * near-duplicate check) is atomic across nodes, and a post another node released stops counting before it. On a
     * store only this process uses, {@code peers} gets nothing and {@code admission} runs without that lock.
     *
     * @return {@link NotAdmitted} when {@code admission} said no (nothing is recorded)
     */
    Claim reserve(StoredPost post, Duration window, boolean accountMayRepeat, Peers peers, BooleanSupplier admission);

    /** Marks a reservation as sent, as {@code platformId}. */
    void markSent(UUID requestId, String platformId);

    /**
     * Deletes a reservation and its claim; nothing happens if there is none. On a shared store the release is also
     * recorded, in order with the reservations, for the other nodes' {@link Peers}.
     */
    void release(UUID requestId);

    /** The reservation, if stored. */
    Optional<StoredPost> find(UUID requestId);

    /**
     * Visits every post reserved after {@code after}, oldest first: for the rebuild at start-up. A shared store does
     * not hand what this read to {@link #reserve}'s {@code peers} again.
     */
    void forEachSince(Instant after, Consumer<StoredPost> visitor);

    /**
     * Deletes the posts that left the window and the claims that expired by {@code now}; returns how many rows went.
     */
    int purge(Instant now, Duration window);

    /**
     * What the other nodes sharing a store did since this one last looked, in the order it committed: for the in-memory
     * index, which copies their posts and forgets what they released.
     */
    @FunctionalInterface
    interface Peers {

        /** A post was reserved (by any node: this one's own posts come back too). */
        void reserved(StoredPost post);

        /** The reservation of {@code requestId} was released (by any node); it no longer counts. */
        default void released(UUID requestId) {}
    }

    /** The answer of {@link #reserve}. */
    sealed interface Claim {}

    /** The text is claimed for this reservation. */
    record Claimed() implements Claim {}

    /** The admission check refused: nothing was recorded. */
    record NotAdmitted() implements Claim {}

    /**
     * Another reservation holds a live claim on the same exact text.
     *
     * @param requestId the holder's request id
     * @param account the holder's account
     * @param at when the holder reserved, or {@code null} if its post row is gone
     * @param platformId the holder's platform id, or {@code null} if not sent (yet)
     */
    record Taken(UUID requestId, String account, Instant at, String platformId) implements Claim {
        public Taken {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(account, "account");
        }
    }
}
