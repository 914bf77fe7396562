package dev.bridle.internal.optout;

/**
 * Which keyword rule turned a message into an opt-out event, for the record.
 *
 * @param rule the matcher's rule id, such as {@code en.opt_out.keyword:stop}; or {@code null}
 * @param language the language of the entry that fired; or {@code null}
 * @param keywordsVersion the keyword file's version ({@link KeywordSet#version()}); or {@code null}
 */
public record Trigger(String rule, String language, String keywordsVersion) {

    /** An event that no keyword caused: an API or command-line opt-out. */
    public static final Trigger NONE = new Trigger(null, null, null);

    /** The trigger of {@code classification} by {@code keywords}. */
    public static Trigger of(Classification classification, KeywordSet keywords) {
        return new Trigger(classification.rule(), classification.language(), keywords.version());
    }
}
