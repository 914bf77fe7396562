package dev.bridle.internal.consent;

import java.util.Objects;

/**
 * Which notice a user saw: its version and the SHA-256 of its text.
 *
 * @param version the notice's version
 * @param sha256 lower-case hex SHA-256 of the notice text
 */
public record NoticeRef(String version, String sha256) {

    public NoticeRef {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256, "sha256");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a notice hash is 64 lower-case hex digits, not '" + sha256 + "'");
        }
    }
}
