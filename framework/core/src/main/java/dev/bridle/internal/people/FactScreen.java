package dev.bridle.internal.people;

import java.util.List;
import java.util.Optional;

/**
 * Decides whether a fact about a person may be kept. The rule: nothing derived, inferred or stored about a user's
 * health, negative financial status, political affiliation, racial or ethnic origin, religious or philosophical
 * beliefs, sex life or orientation, trade union membership or crimes (X Developer Policy, more about restricted uses).
 * A screen that cannot decide throws; the store then keeps nothing (fail closed).
 */
@FunctionalInterface
public interface FactScreen {

    /** The restricted category {@code key: value} falls in, or empty if it may be kept. */
    Optional<Sensitive> screen(String key, String value);

    /**
     * Why a fact may not be kept.
     *
     * @param category {@code health}, {@code financial}, {@code political}, {@code ethnic}, {@code religious},
     *     {@code sexual}, {@code union} or {@code crime}
     * @param terms what in the fact matched, for the bot's author (never written to the ledger: they are the value's)
     */
    record Sensitive(String category, List<String> terms) {
        public Sensitive {
            terms = List.copyOf(terms);
        }
    }
}
