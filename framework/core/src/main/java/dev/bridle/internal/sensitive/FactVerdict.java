package dev.bridle.internal.sensitive;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the fact classifier made of one fact.
 *
 * @param category the restricted category, or empty when the fact is in none (then it is allowed)
 * @param terms the terms that decided, as the lexicon writes them; a key term is prefixed {@code key:}
 */
public record FactVerdict(Optional<SensitiveCategory> category, List<String> terms) {

    /** The verdict for a fact in no restricted category. */
    public static final FactVerdict ALLOWED = new FactVerdict(Optional.empty(), List.of());

    public FactVerdict {
        Objects.requireNonNull(category, "category");
        terms = List.copyOf(terms);
    }

    /** Whether the fact must not be stored. */
    public boolean refused() {
        return category.isPresent();
    }

    /** {@code REFUSED} or {@code ALLOWED}. */
    public String verdict() {
        return refused() ? "REFUSED" : "ALLOWED";
    }

    /** The category's code, or {@code none}. */
    public String categoryCode() {
        return category.map(SensitiveCategory::code).orElse("none");
    }

    /** The rule the fact breaks, or {@code none}. */
    public String rule() {
        return category.map(SensitiveCategory::rule).orElse("none");
    }
}
