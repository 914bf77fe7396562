package dev.bridle.internal.people;

import dev.bridle.internal.sensitive.FactClassifier;
import dev.bridle.internal.sensitive.FactVerdict;
import java.util.Objects;
import java.util.Optional;

/** The facts screen of a running Bridle: the sensitive-category lexicon ({@code config/sensitive-terms.yaml}). */
public final class LexiconFactScreen implements FactScreen {

    private final FactClassifier classifier;

    public LexiconFactScreen(FactClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    @Override
    public Optional<Sensitive> screen(String key, String value) {
        FactVerdict verdict = classifier.classify(key, value);
        return verdict.refused()
                ? Optional.of(new Sensitive(verdict.categoryCode(), verdict.terms()))
                : Optional.empty();
    }
}
