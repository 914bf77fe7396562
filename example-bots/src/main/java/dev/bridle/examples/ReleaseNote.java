package dev.bridle.examples;

import java.util.Objects;

/**
 * One release to announce.
 *
 * @param version the version, such as {@code 2.4.0}
 * @param summary what changed, in a phrase
 * @param url where the full notes are
 */
public record ReleaseNote(String version, String summary, String url) {

    public ReleaseNote {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(url, "url");
    }

    /** The note as a post. */
    public String asPost() {
        return "Acme " + version + " is out: " + summary + ". Notes: " + url;
    }
}
