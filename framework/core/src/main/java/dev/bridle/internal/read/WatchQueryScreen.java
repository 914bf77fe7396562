package dev.bridle.internal.read;

import dev.bridle.bot.ReasonCode;
import dev.bridle.internal.watch.WatchClassifier;
import dev.bridle.internal.watch.WatchVerdict;
import java.util.Objects;
import java.util.Optional;

/**
 * The query screen of a running Bridle: the watch-rule terms ({@code config/watch-terms.yaml}). A query that is not a
 * valid X query throws (the plan then refuses it, saying where it is wrong).
 */
public final class WatchQueryScreen implements QueryScreen {

    private final WatchClassifier classifier;

    public WatchQueryScreen(WatchClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    @Override
    public Optional<Watch> screen(String query) {
        WatchVerdict verdict = classifier.classify(query);
        if (!verdict.refused()) {
            return Optional.empty();
        }
        return Optional.of(
                new Watch(ReasonCode.valueOf(verdict.reasonCode()), verdict.categoryCode(), verdict.terms()));
    }
}
