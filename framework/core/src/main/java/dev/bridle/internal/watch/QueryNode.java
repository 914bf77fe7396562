package dev.bridle.internal.watch;

import java.util.List;

/** A parsed X search query: words, quoted phrases, operators, and their AND, OR and negation. */
sealed interface QueryNode {

    /** A bare word, hashtag or cashtag, as written. */
    record Word(String text) implements QueryNode {}

    /** A quoted phrase, without its quotes. */
    record Phrase(String text) implements QueryNode {}

    /** {@code name:value} ({@code from:alice}, {@code lang:en}); {@code @alice} is {@code mention:alice}. */
    record Operator(String name, String value) implements QueryNode {}

    /** {@code -x}. */
    record Not(QueryNode node) implements QueryNode {}

    /** Terms side by side. */
    record And(List<QueryNode> nodes) implements QueryNode {}

    /** {@code a OR b}. */
    record Or(List<QueryNode> nodes) implements QueryNode {}
}
