package dev.bridle.internal.optout;

import java.util.Objects;

/**
 * What {@link KeywordMatcher} made of one message, and why.
 *
 * @param messageClass what the message asks for
 * @param rule the rule that fired, a stable id such as {@code en.opt_out.keyword:stop}, {@code es.opt_out.phrase:dame
 *     de baja}, {@code fuzzy:stpo~stop}, {@code partial:stop...}, {@code en.negation:dont} or {@code none};
 *     {@link KeywordMatcher} lists them all
 * @param language the language of the entry that fired (a tag such as {@code en}), which picks the reply text;
 *     {@code und} when no entry fired
 * @param normalised the message as the matcher saw it: folded, mentions, links, emoji and punctuation dropped, words
 *     separated by single spaces
 */
public record Classification(MessageClass messageClass, String rule, String language, String normalised) {

    /** The language tag for a message no entry fired on (BCP 47 "undetermined"). */
    public static final String UNDETERMINED = "und";

    public Classification {
        Objects.requireNonNull(messageClass, "messageClass");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(normalised, "normalised");
    }

    /** Whether contact with the sender must stop now (an opt-out, or maybe one). */
    public boolean suppresses() {
        return messageClass.suppresses();
    }
}
