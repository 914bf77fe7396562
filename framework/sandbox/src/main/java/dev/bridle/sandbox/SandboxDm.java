package dev.bridle.sandbox;

import java.time.Instant;
import java.util.Objects;

/**
 * A one-to-one direct message.
 *
 * @param id the DM event id
 * @param conversationId {@code "<smaller user id>-<larger user id>"}, as the platform forms it
 * @param senderId the sender's user id
 * @param senderHandle the sender's handle
 * @param recipientId the recipient's user id
 * @param recipientHandle the recipient's handle
 * @param text the message text
 * @param createdAt when the sandbox clock says it was sent
 */
public record SandboxDm(
        String id,
        String conversationId,
        String senderId,
        String senderHandle,
        String recipientId,
        String recipientHandle,
        String text,
        Instant createdAt) {

    public SandboxDm {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(recipientId, "recipientId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /** The platform's conversation id for two users: the smaller numeric id first. */
    public static String conversationIdOf(String userA, String userB) {
        long a = Long.parseLong(userA);
        long b = Long.parseLong(userB);
        return Math.min(a, b) + "-" + Math.max(a, b);
    }
}
