package dev.bridle;

import dev.bridle.internal.config.SensitiveTermsReader;
import dev.bridle.internal.config.WatchTermsReader;
import dev.bridle.internal.sensitive.FactClassifier;
import dev.bridle.internal.watch.WatchClassifier;
import dev.bridle.internal.watch.WatchTerms;
import dev.bridle.internal.watch.WatchVerdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Whether a search query or stream rule may be used: the check every query a bot registers passes, for a query alone.
 * Queries that track sensitive events or groups ({@code SURVEILLANCE}), follow one person ({@code PROFILING}) or count
 * the platform wholesale ({@code SERVICE_MEASUREMENT}) are refused, each citing its rule. Immutable; it reads no store.
 *
 * <pre>{@code
 * WatchCheck.defaults().classify("#protest lang:de").category();     // "sensitive_event"
 * WatchCheck.defaults().classify("from:alice").category();           // "profiling"
 * WatchCheck.defaults().classify("lang:en").category();              // "measurement"
 * WatchCheck.defaults().classify("\"new phone\" review").verdict();  // "ALLOWED"
 * }</pre>
 */
public final class WatchCheck {

    /** The categories a verdict may name, as {@link Verdict#category()} writes them; {@code none} when allowed. */
    public static final List<String> CATEGORIES =
            List.of("sensitive_event", "sensitive_group", "profiling", "measurement", "none");

    private final WatchClassifier classifier;

    private WatchCheck(WatchClassifier classifier) {
        this.classifier = classifier;
    }

    /** The watch terms and sensitive-category terms shipped with Bridle. */
    public static WatchCheck defaults() {
        return new WatchCheck(
                new WatchClassifier(WatchTermsReader.defaults(), new FactClassifier(SensitiveTermsReader.defaults())));
    }

    /**
     * The watch terms in {@code file} (standing alone or {@code extends: shipped}), with the shipped sensitive-category
     * terms. Every exception in the file must give its reason.
     *
     * @throws RuntimeException whose message lists every problem of the file with its line, if it cannot be used
     */
    public static WatchCheck load(Path file) {
        return load(Objects.requireNonNull(file, "file"), null);
    }

    /**
     * The watch terms in {@code file} (null: the shipped ones) with the sensitive-category terms in
     * {@code sensitiveTerms} (null: the shipped ones), which decide whether accounts are combined with
     * restricted-category words.
     *
     * @throws RuntimeException whose message lists every problem of a file with its line, if it cannot be used
     */
    public static WatchCheck load(Path file, Path sensitiveTerms) {
        WatchTerms terms = file == null ? WatchTermsReader.defaults() : WatchTermsReader.load(file);
        FactClassifier facts = new FactClassifier(
                sensitiveTerms == null ? SensitiveTermsReader.defaults() : SensitiveTermsReader.load(sensitiveTerms));
        return new WatchCheck(new WatchClassifier(terms, facts));
    }

    /**
     * The verdict for {@code query}.
     *
     * @throws IllegalArgumentException if it is not a valid X query (unbalanced parentheses or quotes, an unknown
     *     operator, a dangling OR); the message says where
     */
    public Verdict classify(String query) {
        WatchVerdict v = classifier.classify(query);
        return new Verdict(v.refused(), v.categoryCode(), v.reasonCode(), v.rule(), v.terms());
    }

    /** Where the watch terms were read from. */
    public String source() {
        return classifier.terms().source();
    }

    /** Which file it was: the first 12 hex digits of its SHA-256. */
    public String version() {
        return classifier.terms().version();
    }

    /** One line saying what the file holds. */
    public String summary() {
        return classifier.terms().summary();
    }

    /**
     * The verdict on one query.
     *
     * @param refused whether it must not be used
     * @param category one of {@link #CATEGORIES}; {@code none} when allowed
     * @param reasonCode {@code SURVEILLANCE}, {@code PROFILING}, {@code SERVICE_MEASUREMENT}, or {@code none}
     * @param rule the developer terms' rule it breaks, or {@code none}
     * @param terms what decided: terms as the file writes them, the accounts followed ({@code from:alice}), or
     *     {@code (every post)} for a query that matches everything its filters let through
     */
    public record Verdict(boolean refused, String category, String reasonCode, String rule, List<String> terms) {

        public Verdict {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(reasonCode, "reasonCode");
            Objects.requireNonNull(rule, "rule");
            terms = List.copyOf(terms);
        }

        /** {@code REFUSED} or {@code ALLOWED}. */
        public String verdict() {
            return refused ? "REFUSED" : "ALLOWED";
        }
    }
}
