package dev.bridle.internal.read;

import dev.bridle.bot.ReasonCode;
import dev.bridle.internal.watch.WatchClassifier;
import dev.bridle.internal.watch.WatchVerdict;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The query screen of a running Bridle: the watch-rule terms ({@code config/watch-terms.yaml}). A query that is not a
 * valid X query throws (the plan then refuses it, saying where it is wrong).
 */
public final class WatchQueryScreen implements QueryScreen {

    private final Supplier<WatchClassifier> classifier;

    /** @param classifier the classifier on the terms in use now (a term file may be reloaded between calls) */
    public WatchQueryScreen(Supplier<WatchClassifier> classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    @Override
    public Optional<Watch> screen(String query) {
        WatchVerdict verdict = classifier.get().classify(query);
        if (!verdict.refused()) {
            return Optional.empty();
        }
        return Optional.of(
                new Watch(ReasonCode.valueOf(verdict.reasonCode()), verdict.categoryCode(), verdict.terms()));
    }
}
