package dev.bridle.internal.people;

import dev.bridle.internal.sensitive.FactClassifier;
import dev.bridle.internal.sensitive.FactVerdict;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/** The facts screen of a running Bridle: the sensitive-category lexicon ({@code config/sensitive-terms.yaml}). */
public final class LexiconFactScreen implements FactScreen {

    private final Supplier<FactClassifier> classifier;

    /** @param classifier the classifier on the terms in use now (a term file may be reloaded between calls) */
    public LexiconFactScreen(Supplier<FactClassifier> classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    @Override
    public Optional<Sensitive> screen(String key, String value) {
        FactVerdict verdict = classifier.get().classify(key, value);
        return verdict.refused()
                ? Optional.of(new Sensitive(verdict.categoryCode(), verdict.terms()))
                : Optional.empty();
    }
}
