package dev.bridle.examples;

import dev.bridle.Bridle;
import dev.bridle.config.Duplicates;
import dev.bridle.config.Inbound;
import dev.bridle.config.Limit;
import dev.bridle.config.OnThrottle;
import dev.bridle.config.OptOutPolicy;
import dev.bridle.config.Throttles;
import dev.bridle.consent.OptOutScope;
import dev.bridle.guard.ActionKind;
import java.nio.file.Path;

/**
 * The README's "Use Bridle in your own project" builders, as compiled code: {@link ReadmeSnippetsTest} checks the
 * README shows these bodies as they are, and runs the first.
 */
final class EmbeddingSnippets {

    private EmbeddingSnippets() {}

    static Bridle.Builder inCode(
            String consumerKey, String consumerSecret, String accessToken, String accessTokenSecret) {
        // README: in code
        Bridle.Builder inCode = Bridle.builder()
                .app("acme-bots-dev", "answers questions about Acme's releases")
                .store(Path.of("data/bridle"))
                .account("acme_help", consumerKey, consumerSecret, accessToken, accessTokenSecret)
                .bot("thanks", "acme_help", ThankYouBot.class, null, Inbound.MENTIONS)
                .throttles(Throttles.defaults()
                        .withLimits(ActionKind.REPLY, Limit.perHour(10), Limit.perDay(40))
                        .withOnThrottle("thanks", OnThrottle.DROP))
                .optOut(OptOutPolicy.defaults().withScope("acme_help", OptOutScope.ACCOUNT));
        // README: end
        return inCode;
    }

    /** Reads {@code config/bridle.yaml} from the working directory: the repository's root, as in the README. */
    static Bridle.Builder fileAndCode() {
        // README: file and code
        // The file, and a section of its own in code, which takes the place of the file's.
        Bridle.Builder fileAndCode = Bridle.builder()
                .config(Path.of("config/bridle.yaml"))
                .duplicates(Duplicates.defaults().withThreshold(0.8))
                .dryRun();
        // README: end
        return fileAndCode;
    }
}
