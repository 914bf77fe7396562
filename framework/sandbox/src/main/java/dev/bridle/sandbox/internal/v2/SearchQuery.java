package dev.bridle.sandbox.internal.v2;

import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.api.ErrorCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The subset of X's search query language the sandbox understands: bare words and {@code "quoted phrases"}
 * (case-insensitive, on the post's text), {@code from:handle}, {@code to:handle}, {@code @handle} (the text mentions
 * it), {@code lang:xx} (the BCP 47 code the post is tagged with; {@code lang:pt} also finds {@code pt-BR}), {@code -}
 * before any of them to negate, and {@code OR} between terms. As on X, adjacent terms are ANDed and AND binds tighter
 * than OR. Anything else — an unknown operator, parentheses, an unclosed quote, a dangling OR, a query of negations
 * only, more than 512 characters — is answered 400 as X answers an invalid query.
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

    /** One term: a test on a candidate, possibly negated. */
    private record Term(Predicate<Candidate> test, boolean negated) {
        boolean matches(Candidate c) {
            return test.test(c) != negated;
        }
    }

    private final List<List<Term>> clauses;

    private SearchQuery(List<List<Term>> clauses) {
        this.clauses = clauses;
    }

    /** Whether the post matches: some clause whose every term matches. */
    boolean matches(Candidate candidate) {
        return clauses.stream().anyMatch(c -> c.stream().allMatch(t -> t.matches(candidate)));
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
            return parseTerms(query);
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
            parseTerms(rule);
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

    private static SearchQuery parseTerms(String query) {
        List<List<Term>> clauses = new ArrayList<>();
        List<Term> current = new ArrayList<>();
        for (String token : tokens(query)) {
            if (token.equals("OR")) {
                if (current.isEmpty()) {
                    throw invalid(query, "Ambiguous use of or as a keyword. Use a space between words");
                }
                clauses.add(current);
                current = new ArrayList<>();
                continue;
            }
            current.add(term(query, token));
        }
        if (current.isEmpty()) {
            throw invalid(query, "Ambiguous use of or as a keyword. Use a space between words");
        }
        clauses.add(current);
        for (List<Term> clause : clauses) {
            if (clause.stream().allMatch(Term::negated)) {
                throw invalid(query, "Rules must contain a non-negation term");
            }
        }
        return new SearchQuery(List.copyOf(clauses));
    }

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
                throw invalid(query, "Grouping with parentheses is not supported by the sandbox");
            }
            int start = i;
            boolean negated = c == '-';
            int body = negated ? i + 1 : i;
            if (body < query.length() && query.charAt(body) == '"') {
                int close = query.indexOf('"', body + 1);
                if (close < 0) {
                    throw invalid(query, "There is an unmatched quote at position " + body);
                }
                i = close + 1;
            } else {
                while (i < query.length() && !Character.isWhitespace(query.charAt(i))) {
                    i++;
                }
            }
            tokens.add(query.substring(start, i));
        }
        return tokens;
    }

    private static Term term(String query, String token) {
        boolean negated = token.startsWith("-");
        String t = negated ? token.substring(1) : token;
        if (t.isEmpty()) {
            throw invalid(query, "There is a dangling negation in the query");
        }
        if (t.startsWith("\"")) {
            String phrase = lower(t.substring(1, t.length() - 1));
            return new Term(c -> lower(c.post().text()).contains(phrase), negated);
        }
        if (t.startsWith("@") && t.length() > 1) {
            String mention = lower(t);
            return new Term(c -> words(c.post().text()).contains(mention), negated);
        }
        int colon = t.indexOf(':');
        if (colon > 0) {
            String operator = t.substring(0, colon);
            String value = lower(t.substring(colon + 1));
            if (value.isEmpty()) {
                throw invalid(query, "There is an operator without a value: '" + operator + ":'");
            }
            return switch (operator) {
                case "from" -> new Term(c -> lower(c.authorHandle()).equals(strip(value)), negated);
                case "to" -> new Term(c -> addressedTo(c, strip(value)), negated);
                case "lang" -> lang(query, value, negated);
                default -> throw invalid(query, "Reference to invalid operator '" + operator + "'");
            };
        }
        String word = lower(t);
        return new Term(c -> words(c.post().text()).contains(word), negated);
    }

    /**
     * X's {@code lang:}: posts tagged with that BCP 47 code; a primary language also finds its regional tags. A value
     * that is not a language code is an invalid query, as on X.
     */
    private static Term lang(String query, String value, boolean negated) {
        if (!SandboxPost.isLanguageTag(value)) {
            throw invalid(query, "Invalid value '" + value + "' for operator 'lang': expected a BCP 47 language code");
        }
        return new Term(
                c -> {
                    String tagged = lower(c.post().lang());
                    return tagged.equals(value) || tagged.startsWith(value + "-");
                },
                negated);
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
