package dev.bridle.internal.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Parses an X search query or filtered-stream rule: words, {@code "quoted phrases"}, {@code -negation}, {@code OR}
 * (upper case, as X has it), parentheses, {@code @handle}, {@code #hashtag}, {@code $cashtag} and {@code name:value}
 * operators. Space is AND and binds tighter than OR, as on X. An unknown operator, an unbalanced parenthesis or quote,
 * or a dangling {@code OR} is a {@link WatchQueryException}: X refuses such a rule, so it is no rule to judge.
 */
final class QueryParser {

    /** Operators that name accounts: a query of only these tracks people. */
    static final Set<String> USER_OPERATORS =
            Set.of("from", "to", "mention", "retweets_of", "retweets_of_user_id", "list");

    /** Operators that only narrow what the rest of the query matches. */
    static final Set<String> FILTER_OPERATORS = Set.of(
            "lang",
            "is",
            "has",
            "place",
            "place_country",
            "point_radius",
            "bounding_box",
            "sample",
            "followers_count",
            "tweets_count",
            "following_count",
            "listed_count",
            "source");

    /** Operators that match content, like a word does. */
    static final Set<String> CONTENT_OPERATORS = Set.of(
            "url",
            "context",
            "entity",
            "conversation_id",
            "in_reply_to_tweet_id",
            "quotes_of_tweet_id",
            "bio",
            "bio_name",
            "bio_location",
            "url_title",
            "url_description",
            "url_contains");

    private final String query;
    private int at;

    private QueryParser(String query) {
        this.query = query;
    }

    /** The query's tree; an empty query is an empty {@link QueryNode.And}. */
    static QueryNode parse(String query) {
        QueryParser parser = new QueryParser(query);
        QueryNode node = parser.or(false);
        parser.skipSpace();
        if (parser.at < query.length()) {
            throw new WatchQueryException(parser.at + 1, "')' without a matching '('");
        }
        return node;
    }

    private QueryNode or(boolean nested) {
        List<QueryNode> branches = new ArrayList<>();
        branches.add(and(nested));
        while (true) {
            skipSpace();
            if (!startsWord("OR")) {
                break;
            }
            int orAt = at;
            at += 2;
            QueryNode next = and(nested);
            if (next instanceof QueryNode.And a && a.nodes().isEmpty()) {
                throw new WatchQueryException(orAt + 1, "OR needs a term on both sides");
            }
            branches.add(next);
        }
        if (branches.size() > 1
                && branches.get(0) instanceof QueryNode.And a
                && a.nodes().isEmpty()) {
            throw new WatchQueryException(1, "OR needs a term on both sides");
        }
        return branches.size() == 1 ? branches.get(0) : new QueryNode.Or(List.copyOf(branches));
    }

    private QueryNode and(boolean nested) {
        List<QueryNode> nodes = new ArrayList<>();
        while (true) {
            skipSpace();
            if (at >= query.length() || startsWord("OR") || query.charAt(at) == ')') {
                if (at < query.length() && query.charAt(at) == ')' && !nested) {
                    throw new WatchQueryException(at + 1, "')' without a matching '('");
                }
                break;
            }
            nodes.add(unary());
        }
        return nodes.size() == 1 ? nodes.get(0) : new QueryNode.And(List.copyOf(nodes));
    }

    private QueryNode unary() {
        char c = query.charAt(at);
        if (c == '-' && at + 1 < query.length() && !Character.isWhitespace(query.charAt(at + 1))) {
            at++;
            return new QueryNode.Not(unary());
        }
        if (c == '(') {
            int open = at;
            at++;
            QueryNode inner = or(true);
            skipSpace();
            if (at >= query.length() || query.charAt(at) != ')') {
                throw new WatchQueryException(open + 1, "'(' without a matching ')'");
            }
            at++;
            return inner;
        }
        if (c == '"') {
            int open = at;
            int close = query.indexOf('"', at + 1);
            if (close < 0) {
                throw new WatchQueryException(open + 1, "a quote without its closing quote");
            }
            at = close + 1;
            if (query.substring(open + 1, close).isBlank()) {
                throw new WatchQueryException(open + 1, "an empty phrase \"\" (X refuses the rule)");
            }
            return new QueryNode.Phrase(query.substring(open + 1, close));
        }
        int start = at;
        while (at < query.length()
                && !Character.isWhitespace(query.charAt(at))
                && "()\"".indexOf(query.charAt(at)) < 0) {
            at++;
        }
        String token = query.substring(start, at);
        if (token.startsWith("@") && token.length() > 1) {
            return new QueryNode.Operator("mention", token.substring(1));
        }
        int colon = token.indexOf(':');
        if (colon > 0 && token.substring(0, colon).matches("[A-Za-z_]+") && !token.startsWith("//", colon + 1)) {
            String name = token.substring(0, colon).toLowerCase(Locale.ROOT);
            String value = token.substring(colon + 1);
            if (value.isEmpty() && at < query.length() && query.charAt(at) == '"') {
                int close = query.indexOf('"', at + 1);
                if (close < 0) {
                    throw new WatchQueryException(at + 1, "a quote without its closing quote");
                }
                value = query.substring(at + 1, close);
                at = close + 1;
            }
            if (value.isEmpty()) {
                return new QueryNode.Word(token);
            }
            if (!USER_OPERATORS.contains(name)
                    && !FILTER_OPERATORS.contains(name)
                    && !CONTENT_OPERATORS.contains(name)) {
                throw new WatchQueryException(
                        start + 1,
                        "unknown operator " + name + ": (X refuses the rule); quote"
                                + " the word if it is text, like \"" + token + "\"");
            }
            return new QueryNode.Operator(name, value);
        }
        return new QueryNode.Word(token);
    }

    private boolean startsWord(String word) {
        return query.startsWith(word, at)
                && (at + word.length() == query.length()
                        || Character.isWhitespace(query.charAt(at + word.length()))
                        || query.charAt(at + word.length()) == '(');
    }

    private void skipSpace() {
        while (at < query.length() && Character.isWhitespace(query.charAt(at))) {
            at++;
        }
    }
}
