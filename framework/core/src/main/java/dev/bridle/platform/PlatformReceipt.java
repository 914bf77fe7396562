package dev.bridle.platform;

import java.util.Objects;

/**
 * The platform's acknowledgement of one action.
 *
 * @param platformId the id the platform gave it (post id, message event id; for a follow, the target's id)
 */
public record PlatformReceipt(String platformId) {

    public PlatformReceipt {
        Objects.requireNonNull(platformId, "platformId");
    }
}
