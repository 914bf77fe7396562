package dev.bridle.internal.watch;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the watch classifier made of one query.
 *
 * @param category why it is refused, or empty when it is allowed
 * @param terms what decided: the terms found as the file writes them, or the operators that make the query's shape
 *     ({@code from:alice}), or {@code (every post)} for a query that matches everything its filters let through
 */
public record WatchVerdict(Optional<WatchCategory> category, List<String> terms) {

    /** The verdict for an allowed query. */
    public static final WatchVerdict ALLOWED = new WatchVerdict(Optional.empty(), List.of());

    public WatchVerdict {
        Objects.requireNonNull(category, "category");
        terms = List.copyOf(terms);
    }

    /** Whether the query must not be used. */
    public boolean refused() {
        return category.isPresent();
    }

    /** {@code REFUSED} or {@code ALLOWED}. */
    public String verdict() {
        return refused() ? "REFUSED" : "ALLOWED";
    }

    /** The category's code, or {@code none}. */
    public String categoryCode() {
        return category.map(WatchCategory::code).orElse("none");
    }

    /** The rule, or {@code none}. */
    public String rule() {
        return category.map(WatchCategory::rule).orElse("none");
    }

    /** The reason code of the refusal, or {@code none}. */
    public String reasonCode() {
        return category.map(WatchCategory::reasonCode).orElse("none");
    }
}
