package dev.bridle.bot;

import java.time.Instant;
import java.util.Objects;

/**
 * One link a bot holds between a platform user and an identifier off the platform, with the basis it was made on.
 *
 * @param bot the bot that holds it
 * @param userId the user's platform id
 * @param externalId the identifier off the platform (a customer number, an e-mail address)
 * @param basis what allowed it
 * @param evidence the consent event that covered it, the message that contained the identifier, or where it is public
 * @param linkedAt when it was made
 */
public record IdentityLink(
        String bot, String userId, String externalId, LinkBasis.Kind basis, String evidence, Instant linkedAt) {

    /** The longest identifier off the platform. */
    public static final int MAX_EXTERNAL_ID_LENGTH = 256;

    public IdentityLink {
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(userId, "userId");
        checkExternalId(externalId);
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(linkedAt, "linkedAt");
    }

    /**
     * Returns {@code externalId} if it may be an identifier off the platform: 1 to {@link #MAX_EXTERNAL_ID_LENGTH}
     * characters, not blank, with no control characters and no invisible format characters (zero-width and
     * bidirectional controls, which make one identifier look like another); else throws with what is wrong, never
     * echoing the identifier.
     *
     * @throws IllegalArgumentException if it may not
     */
    public static String checkExternalId(String externalId) {
        Objects.requireNonNull(externalId, "externalId");
        if (externalId.isBlank() || externalId.length() > MAX_EXTERNAL_ID_LENGTH) {
            throw new IllegalArgumentException("an external id is 1 to " + MAX_EXTERNAL_ID_LENGTH
                    + " characters, not blank; this one has " + externalId.length());
        }
        for (int i = 0; i < externalId.length(); i++) {
            int type = Character.getType(externalId.charAt(i));
            if (type == Character.CONTROL || type == Character.FORMAT) {
                throw new IllegalArgumentException("an external id holds no control or invisible format characters;"
                        + " this one has U+" + String.format("%04X", (int) externalId.charAt(i)) + " at " + i);
            }
        }
        return externalId;
    }
}
