package dev.bridle.internal.export;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Someone exports may go to.
 *
 * @param name how operators name them ({@code acme-research}): letters, digits, {@code .}, {@code _} and {@code -}
 * @param termsAgreedOn when they agreed to the platform's terms; without an agreement there is no recipient
 * @param termsReference where that agreement is recorded (a contract number, a signed form)
 * @param academicNonCommercial an academic institution redistributing for non-commercial research: exempt from the
 *     1,500,000-ID limit
 * @param writtenPermission the reference of the platform's written permission to go past the ID limit, or {@code null}
 * @param addedAt when the recipient was recorded
 */
public record Recipient(
        String name,
        LocalDate termsAgreedOn,
        String termsReference,
        boolean academicNonCommercial,
        String writtenPermission,
        Instant addedAt) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    static final int MAX_REFERENCE = 500;

    public Recipient {
        Objects.requireNonNull(name, "name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a recipient's name is 1 to 100 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit, not '" + name + "'");
        }
        Objects.requireNonNull(termsAgreedOn, "termsAgreedOn");
        termsReference = reference("the reference of the agreement to the platform's terms", termsReference);
        if (writtenPermission != null) {
            writtenPermission = reference("the reference of the written permission", writtenPermission);
        }
        Objects.requireNonNull(addedAt, "addedAt");
    }

    /** Whether the 1,500,000-ID limit does not hold for them. */
    public boolean idLimitLifted() {
        return academicNonCommercial || writtenPermission != null;
    }

    private static String reference(String what, String text) {
        Objects.requireNonNull(text, what);
        String stripped = text.strip();
        if (stripped.isEmpty()
                || stripped.length() > MAX_REFERENCE
                || stripped.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    what + " is 1 to " + MAX_REFERENCE + " characters on one line, not blank");
        }
        return stripped;
    }
}
