package dev.bridle.sandbox.internal.v2;

import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.api.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The subset of X's search query language the sandbox understands: bare words, {@code #hashtags} and {@code "quoted
 * phrases"} (case-insensitive, on the post's text), {@code from:handle}, {@code to:handle}, {@code @handle} (the text
 * mentions it), {@code lang:xx} (the BCP 47 code the post is tagged with; {@code lang:pt} also finds {@code pt-BR}),
 * {@code is:retweet}, {@code is:reply}, {@code has:links}, {@code has:mentions}, {@code has:hashtags} and
 * {@code has:media}, {@code -} before any of them or a group to negate, {@code OR} between terms, and {@code ( )} to
 * group. As on X, adjacent terms are ANDed and AND binds tighter than OR. Anything else — an unknown operator,
 * unbalanced parentheses, an unclosed quote, a dangling OR, a query or group of negations only, more than 512
 * characters — is answered 400 as X answers an invalid query.
 */
final class SearchQuery {
    static final int MAX_LENGTH = 512;

    /**
     * What a term is tested against.
     *
     * @param post the post
     * @param authorHandle its author's handle
     * @param replyToHandle the handle of the user it replies to, or null
     */
    record Candidate(SandboxPost post, String authorHandle, String replyToHandle) {}

    /**
     * A parsed query or part of one.
     *
     * @param test whether a candidate matches
     * @param positive whether it asks for something rather than only excluding (X refuses a query that only excludes)
     */
    private record Node(Predicate<Candidate> test, boolean positive) {}

    private final Predicate<Candidate> test;

    private SearchQuery(Predicate<Candidate> test) {
        this.test = test;
    }

    /** Whether the post matches the query. */
    boolean matches(Candidate candidate) {
        return test.test(candidate);
    }

    /** Parses {@code query}, or throws the 400 X gives for an invalid one. */
    static SearchQuery parse(String query) {
        if (query == null || query.isBlank()) {
            throw ErrorCode.MISSING_PARAMETER.badParameter(
                    "query", query, "The `query` query parameter can not be empty");
        }
        try {
            if (query.length() > MAX_LENGTH) {
                throw new Invalid("Query length exceeds the maximum of " + MAX_LENGTH + " characters");
            }
            return parseQuery(query);
        } catch (Invalid e) {
            throw ErrorCode.INVALID_PARAMETER.badParameter(
                    "query", query, "There were errors processing your request: " + e.getMessage());
        }
    }

    /**
     * Why {@code rule} is not a valid filtered-stream rule in this language (the same operators as search), or null if
     * it is. The rule's length is the caller's to check: a stream rule's limit is not a query's.
     */
    static String ruleProblem(String rule) {
        try {
            parseQuery(rule);
            return null;
        } catch (Invalid e) {
            return e.getMessage();
        }
    }

    /** A query or rule this language cannot parse, and why. */
    private static final class Invalid extends RuntimeException {
        Invalid(String why) {
            super(why, null, false, false);
        }
    }

    private static SearchQuery parseQuery(String query) {
        Parser parser = new Parser(query, tokens(query));
        Node node = parser.or();
        if (parser.more()) {
            throw invalid(query, "There is an unmatched closing parenthesis at token " + (parser.at + 1));
        }
        if (!node.positive()) {
            throw invalid(query, "Rules must contain a non-negation term");
        }
        return new SearchQuery(node.test());
    }

    /**
     * Recursive descent over the tokens: {@code or := and ("OR" and)*}, {@code and := unary+}, {@code unary := -?
     * primary}.
     */
    private static final class Parser {
        private final String query;
        private final List<String> tokens;
        private int at;

        Parser(String query, List<String> tokens) {
            this.query = query;
            this.tokens = tokens;
        }

        boolean more() {
            return at < tokens.size();
        }

        Node or() {
            List<Node> alternatives = new ArrayList<>();
            alternatives.add(and());
            while (more() && tokens.get(at).equals("OR")) {
                at++;
                alternatives.add(and());
            }
            if (alternatives.size() == 1) {
                return alternatives.get(0);
            }
            for (Node alternative : alternatives) {
                if (!alternative.positive()) {
                    throw invalid(query, "Rules must contain a non-negation term");
                }
            }
            List<Predicate<Candidate>> tests =
                    alternatives.stream().map(Node::test).toList();
            return new Node(c -> tests.stream().anyMatch(t -> t.test(c)), true);
        }

        Node and() {
            List<Node> parts = new ArrayList<>();
            while (more() && !tokens.get(at).equals("OR") && !tokens.get(at).equals(")")) {
                parts.add(unary());
            }
            if (parts.isEmpty()) {
                throw invalid(
                        query,
                        more() && tokens.get(at).equals(")")
                                ? "There is an empty group or an unmatched closing parenthesis"
                                : "Ambiguous use of or as a keyword. Use a space between words");
            }
            if (parts.size() == 1) {
                return parts.get(0);
            }
            List<Predicate<Candidate>> tests = parts.stream().map(Node::test).toList();
            return new Node(
                    c -> tests.stream().allMatch(t -> t.test(c)), parts.stream().anyMatch(Node::positive));
        }

        Node unary() {
            String token = tokens.get(at);
            if (token.equals("-(")) {
                at++;
                Node group = group();
                return new Node(group.test().negate(), false);
            }
            if (token.equals("(")) {
                at++;
                return group();
            }
            at++;
            boolean negated = token.startsWith("-");
            Predicate<Candidate> term = term(query, negated ? token.substring(1) : token);
            return negated ? new Node(term.negate(), false) : new Node(term, true);
        }

        private Node group() {
            Node inside = or();
            if (!more() || !tokens.get(at).equals(")")) {
                throw invalid(query, "There is an unmatched opening parenthesis");
            }
            at++;
            return inside;
        }
    }

    /** The query's tokens: {@code (}, {@code -(}, {@code )}, {@code OR}, quoted phrases (maybe negated) and words. */
    private static List<String> tokens(String query) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < query.length()) {
            char c = query.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (c == '(' || c == ')') {
                tokens.add(String.valueOf(c));
                i++;
                continue;
            }
            if (c == '-' && i + 1 < query.length() && query.charAt(i + 1) == '(') {
                tokens.add("-(");
                i += 2;
                continue;
            }
            int start = i;
            int body = c == '-' ? i + 1 : i;
            if (body < query.length() && query.charAt(body) == '"') {
                int close = query.indexOf('"', body + 1);
                if (close < 0) {
                    throw invalid(query, "There is an unmatched quote at position " + body);
                }
                i = close + 1;
            } else {
                while (i < query.length()
                        && !Character.isWhitespace(query.charAt(i))
                        && query.charAt(i) != '('
                        && query.charAt(i) != ')') {
                    i++;
                }
            }
            tokens.add(query.substring(start, i));
        }
        return tokens;
    }

    private static Predicate<Candidate> term(String query, String t) {
        if (t.isEmpty()) {
            throw invalid(query, "There is a dangling negation in the query");
        }
        if (t.startsWith("\"")) {
            String phrase = lower(t.substring(1, t.length() - 1));
            return c -> lower(c.post().text()).contains(phrase);
        }
        if (t.startsWith("@") && t.length() > 1) {
            String mention = lower(t);
            return c -> words(c.post().text()).contains(mention);
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String operator = t.substring(0, colon);
            String value = lower(t.substring(colon + 1));
            if (value.isEmpty()) {
                throw invalid(query, "There is an operator without a value: '" + operator + ":'");
            }
            return switch (operator) {
                case "from" -> c -> lower(c.authorHandle()).equals(strip(value));
                case "to" -> c -> addressedTo(c, strip(value));
                case "lang" -> lang(query, value);
                case "is" -> is(query, value);
                case "has" -> has(query, value);
                default -> throw invalid(query, "Reference to invalid operator '" + operator + "'");
            };
        }
        String word = lower(t);
        return c -> words(c.post().text()).contains(word);
    }

    /** X's {@code is:}: what kind of post it is. */
    private static Predicate<Candidate> is(String query, String value) {
        return switch (value) {
            case "retweet" -> c -> c.post().isRepost();
            case "reply" -> c -> c.post().isReply();
            default -> throw invalid(query, "Invalid value '" + value + "' for operator 'is'");
        };
    }

    /** X's {@code has:}: what the post contains. The sandbox's posts carry no media. */
    private static Predicate<Candidate> has(String query, String value) {
        return switch (value) {
            case "links" -> c -> lower(c.post().text()).matches("(?s).*\\bhttps?://\\S+.*");
            case "mentions" -> c -> words(c.post().text()).stream().anyMatch(w -> w.startsWith("@") && w.length() > 1);
            case "hashtags" -> c -> words(c.post().text()).stream().anyMatch(w -> w.startsWith("#") && w.length() > 1);
            case "media" -> c -> false;
            default -> throw invalid(query, "Invalid value '" + value + "' for operator 'has'");
        };
    }

    /**
     * X's {@code lang:}: posts tagged with that BCP 47 code; a primary language also finds its regional tags. A value
     * that is not a language code is an invalid query, as on X.
     */
    private static Predicate<Candidate> lang(String query, String value) {
        if (!SandboxPost.isLanguageTag(value)) {
            throw invalid(query, "Invalid value '" + value + "' for operator 'lang': expected a BCP 47 language code");
        }
        return c -> {
            String tagged = lower(c.post().lang());
            return tagged.equals(value) || tagged.startsWith(value + "-");
        };
    }

    /** A reply to the user, or a post that starts with their handle (X's {@code to:}). */
    private static boolean addressedTo(Candidate c, String handle) {
        if (c.replyToHandle() != null) {
            return lower(c.replyToHandle()).equals(handle);
        }
        List<String> words = words(c.post().text());
        return !words.isEmpty() && words.get(0).equals("@" + handle);
    }

    private static String strip(String handle) {
        return handle.startsWith("@") ? handle.substring(1) : handle;
    }

    /** The text's words, lower-cased, with surrounding punctuation (but not a leading @ or #) removed. */
    private static List<String> words(String text) {
        List<String> out = new ArrayList<>();
        for (String raw : lower(text).split("\\s+")) {
            String w = raw.replaceAll("^[^\\p{L}\\p{N}@#_]+|[^\\p{L}\\p{N}_]+$", "");
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Why a query is invalid; {@link #parse} turns it into X's 400 with {@code errors[0].parameters.query}. */
    private static RuntimeException invalid(String query, String why) {
        return new Invalid(why);
    }
}
