package dev.bridle;

import dev.bridle.internal.config.KeywordFileReader;
import dev.bridle.internal.optout.KeywordMatcher;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The opt-out keywords of one keyword file, as the inbound step classifies messages with them: to try a file before
 * using it, or to see why a message was (or was not) taken as an opt-out. Immutable; it reads no store.
 *
 * <pre>{@code
 * OptOutKeywords keywords = OptOutKeywords.load(Path.of("config/optout-keywords.yaml"));
 * keywords.classify("STOP please").rule();   // "en.opt_out.keyword:stop"
 * Bridle.builder().config(Path.of("config/bridle.yaml")).keywords();   // the ones the configuration names
 * }</pre>
 */
public final class OptOutKeywords {

    private final KeywordMatcher matcher;

    private OptOutKeywords(KeywordMatcher matcher) {
        this.matcher = matcher;
    }

    /**
     * The keywords in {@code file}.
     *
     * @throws RuntimeException whose message lists every problem of the file with its line, if it cannot be used
     */
    public static OptOutKeywords load(Path file) {
        return new OptOutKeywords(KeywordMatcher.of(KeywordFileReader.load(Objects.requireNonNull(file, "file"))));
    }

    /** The keywords shipped with Bridle, which a configuration without {@code optout.keywords} uses. */
    public static OptOutKeywords defaults() {
        return new OptOutKeywords(KeywordMatcher.of(KeywordFileReader.defaults()));
    }

    /** What {@code message} asks for, and the rule that decided it. */
    public Classification classify(CharSequence message) {
        dev.bridle.internal.optout.Classification c = matcher.classify(message);
        return new Classification(
                MessageClass.valueOf(c.messageClass().name()), c.rule(), c.language(), c.normalised());
    }

    /**
     * Whether these are the keywords shipped with Bridle ({@link #defaults()}), which a configuration without
     * {@code optout.keywords} uses.
     */
    public boolean shipped() {
        return source().equals(KeywordFileReader.DEFAULTS_SOURCE);
    }

    /** Where the keywords were read from. */
    public String source() {
        return matcher.keywords().source();
    }

    /** Which file it was: the first 12 hex digits of its SHA-256, as the ledger of an opt-out records it. */
    public String version() {
        return matcher.keywords().version();
    }

    /** One line saying what the file holds: its languages, and how many keywords, phrases and so on of each list. */
    public String summary() {
        return matcher.keywords().summary();
    }

    /** What an inbound message asks for, as far as the opt-out keywords go. */
    public enum MessageClass {
        /** Stop contacting the sender: recorded at once, with one confirmation. */
        OPT_OUT,
        /** The sender asks, unambiguously, to hear from the operator again. */
        OPT_IN,
        /** The sender asks for help. */
        HELP,
        /** It may be an opt-out (a near miss such as {@code stpo}): contact stops, and the sender is asked once. */
        AMBIGUOUS,
        /** Nothing for the keywords; the message goes on to the bots. */
        NONE
    }

    /**
     * What the keywords made of one message.
     *
     * @param messageClass what it asks for
     * @param rule the rule that fired, a stable id such as {@code en.opt_out.keyword:stop}, {@code fuzzy:stpo~stop} or
     *     {@code none}
     * @param language the language of the entry that fired (it picks the reply), or {@code und}
     * @param normalised the message as the matcher saw it: folded, mentions, links, emoji and punctuation dropped
     */
    public record Classification(MessageClass messageClass, String rule, String language, String normalised) {

        public Classification {
            Objects.requireNonNull(messageClass, "messageClass");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(normalised, "normalised");
        }
    }
}
