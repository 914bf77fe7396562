package dev.bridle.internal.runtime;

import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.sensitive.FactClassifier;
import dev.bridle.internal.sensitive.FactVerdict;
import dev.bridle.internal.watch.WatchQueryException;
import dev.bridle.internal.watch.WatchVerdict;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Warnings about the app's free-text {@code purpose}: read with the watch-rule and sensitive-category terms (the files
 * beside the configuration, else the shipped ones), a purpose that sounds like surveillance, profiling, measuring the
 * platform or inferring sensitive traits is worth a second look before it is declared to the platform. A warning, not a
 * refusal: a sentence is not a query, and only the listed {@code purposes} decide what Bridle allows.
 */
final class PurposeWarnings {

    private PurposeWarnings() {}

    static List<String> of(BridleConfig config) {
        return of(config, Recognisers.of(config, Clock.systemUTC()));
    }

    /** As {@link #of(BridleConfig)}, with the recognisers a runtime already holds. */
    static List<String> of(BridleConfig config, Recognisers recognisers) {
        String purpose = config.app().purpose();
        List<String> warnings = new ArrayList<>();
        FactClassifier facts = recognisers.facts();
        try {
            WatchVerdict watch = recognisers.watch().classify(purpose);
            if (watch.refused()) {
                warnings.add("app.purpose reads like " + watch.categoryCode().replace('_', ' ') + " (matched: "
                        + String.join(", ", watch.terms()) + "), which the platform forbids (" + watch.rule()
                        + "); say what the bots are for in other words, or change what they do");
            }
        } catch (WatchQueryException e) {
            // a sentence with a stray quote or parenthesis is not a query; the terms below still read it
        }
        FactVerdict sensitive = facts.classifyText(purpose);
        if (sensitive.refused()) {
            warnings.add("app.purpose mentions " + sensitive.categoryCode() + " information (matched: "
                    + String.join(", ", sensitive.terms()) + "), which bots may never infer or store about people");
        }
        return warnings;
    }
}
