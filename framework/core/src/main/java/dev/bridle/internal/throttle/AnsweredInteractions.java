package dev.bridle.internal.throttle;

import java.time.Instant;
import java.util.UUID;

/**
 * Which inbound interactions (mentions, direct messages) already have their one automated answer, for
 * {@link OneReplyPerInteractionGuard}. A claim is made before the answer is sent and given up only if it certainly was
 * not, so a crash in between leaves the interaction answered: at most one automated reply, never two.
 *
 * <p>{@link JdbcAnsweredInteractions} is durable and shared by every node on the same database (table
 * {@code throttle_answered_interaction}); {@link InMemoryAnsweredInteractions} is for tests and throwaway runs.
 */
public interface AnsweredInteractions {

    /**
     * Claims the answer to {@code inboundId} for {@code requestId}. Returns {@code true} if {@code requestId} holds the
     * claim now (just made, or made by it before), {@code false} if another request holds it. Atomic: of two requests
     * claiming at once, one wins.
     */
    boolean claim(String inboundId, UUID requestId, String account, Instant at);

    /** Gives up {@code requestId}'s claim on {@code inboundId}, if it holds it; otherwise does nothing. */
    void unclaim(String inboundId, UUID requestId);
}
