package dev.bridle.internal.consent;

import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.text.ContentHash;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The text that invites people to opt in, as the operator publishes it (a pinned post, the accounts' bios, a web page),
 * and the scopes it offers. A keyword opt-in (START) is consent to exactly these scopes; its record keeps the notice's
 * version and the SHA-256 of its text, so a receipt proves which words the user answered.
 *
 * @param version the operator's name for this wording; change it whenever the text changes
 * @param text the exact text shown
 * @param scopes what a reply of START agrees to
 * @param language the notice's language tag
 */
public record Notice(String version, String text, Set<ConsentScope> scopes, String language) {

    public Notice {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(language, "language");
        if (version.isBlank() || text.isBlank()) {
            throw new IllegalArgumentException("a notice needs a version and a text");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a notice must offer at least one consent scope");
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** The SHA-256 of the text's UTF-8 bytes, in lower-case hex. */
    public String sha256() {
        return ContentHash.sha256Hex(text);
    }

    /** The version and hash, as consent records keep them. */
    public NoticeRef ref() {
        return new NoticeRef(version, sha256());
    }
}
