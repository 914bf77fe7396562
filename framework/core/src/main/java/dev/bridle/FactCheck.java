package dev.bridle;

import dev.bridle.internal.config.SensitiveTermsReader;
import dev.bridle.internal.sensitive.FactClassifier;
import dev.bridle.internal.sensitive.FactVerdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Whether a fact about a person may be stored: the check every fact a bot keeps passes, for a fact alone. A fact in a
 * restricted category (health, negative financial status, political, ethnic, religious, sexual, trade union, crime) is
 * refused, because the X developer terms forbid deriving, inferring or storing it. Immutable; it reads no store.
 *
 * <pre>{@code
 * FactCheck.defaults().classify("diagnosis", "type 2").verdict();            // "REFUSED" (category "health")
 * FactCheck.defaults().classify("favourite team", "Union Berlin").verdict(); // "ALLOWED"
 * FactCheck.load(Path.of("config/sensitive-terms.yaml"));                    // an operator's terms
 * }</pre>
 *
 * What counts is documented in {@code config/sensitive-terms.yaml}: an attribute of the person (a condition, status,
 * affiliation, membership, act) is refused, negated or not; an interest in a topic, an employer or a team is not.
 */
public final class FactCheck {

    /** The categories a verdict may name, as {@link Verdict#category()} writes them; {@code none} when allowed. */
    public static final List<String> CATEGORIES =
            List.of("health", "financial", "political", "ethnic", "religious", "sexual", "union", "crime", "none");

    private final FactClassifier classifier;

    private FactCheck(FactClassifier classifier) {
        this.classifier = classifier;
    }

    /** The terms shipped with Bridle ({@code config/sensitive-terms.yaml}). */
    public static FactCheck defaults() {
        return new FactCheck(new FactClassifier(SensitiveTermsReader.defaults()));
    }

    /**
     * The terms in {@code file}, which stands alone or extends the shipped ones ({@code extends: shipped}). Read again
     * to pick up an edit; a bad edit throws and leaves the caller's previous {@code FactCheck} as it was.
     *
     * @throws RuntimeException whose message lists every problem of the file with its line, if it cannot be used
     */
    public static FactCheck load(Path file) {
        return new FactCheck(new FactClassifier(SensitiveTermsReader.load(Objects.requireNonNull(file, "file"))));
    }

    /** The verdict for the fact {@code key}: {@code value}. */
    public Verdict classify(String key, String value) {
        return verdict(classifier.classify(key, value));
    }

    /** The verdict for a text on its own (a derived label, a free-text purpose), without a key. */
    public Verdict classifyText(String text) {
        return verdict(classifier.classifyText(text));
    }

    private static Verdict verdict(FactVerdict v) {
        return new Verdict(v.refused(), v.categoryCode(), v.rule(), v.terms());
    }

    /** Where the terms were read from. */
    public String source() {
        return classifier.lexicon().source();
    }

    /** Which file it was: the first 12 hex digits of its SHA-256. */
    public String version() {
        return classifier.lexicon().version();
    }

    /** One line saying what the file holds. */
    public String summary() {
        return classifier.lexicon().summary();
    }

    /**
     * The verdict on one fact.
     *
     * @param refused whether it must not be stored
     * @param category one of {@link #CATEGORIES}; {@code none} when allowed
     * @param rule the developer terms' rule it breaks, or {@code none}
     * @param terms the terms that decided, as the term file writes them; a key's are prefixed {@code key:}
     */
    public record Verdict(boolean refused, String category, String rule, List<String> terms) {

        public Verdict {
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(rule, "rule");
            terms = List.copyOf(terms);
        }

        /** {@code REFUSED} or {@code ALLOWED}. */
        public String verdict() {
            return refused ? "REFUSED" : "ALLOWED";
        }
    }
}
