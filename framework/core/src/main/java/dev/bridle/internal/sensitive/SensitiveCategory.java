package dev.bridle.internal.sensitive;

import java.util.Locale;
import java.util.Optional;

/**
 * The categories of information about a person that the X developer terms forbid deriving, inferring or storing ("more
 * about restricted uses"). Aggregate analysis that stores no identifiers is allowed; a fact about one person is not.
 */
public enum SensitiveCategory {
    HEALTH("health (including pregnancy)"),
    FINANCIAL("negative financial status or condition"),
    POLITICAL("political affiliation or beliefs"),
    ETHNIC("racial or ethnic origin"),
    RELIGIOUS("religious or philosophical affiliation or beliefs"),
    SEXUAL("sex life or sexual orientation"),
    UNION("trade union membership"),
    CRIME("alleged or actual commission of a crime");

    private final String description;

    SensitiveCategory(String description) {
        this.description = description;
    }

    /** The name used in files and output: {@code health}, {@code financial}, ... */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** What the developer terms call it. */
    public String description() {
        return description;
    }

    /** The rule a fact of this category breaks, short enough for one output line. */
    public String rule() {
        return "X developer terms, restricted uses: do not derive or infer, or store derived or inferred, information"
                + " about a user's " + description;
    }

    /** The category named {@code code} ({@code health}), if any. */
    public static Optional<SensitiveCategory> of(String code) {
        for (SensitiveCategory c : values()) {
            if (c.code().equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
