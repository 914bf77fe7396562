package dev.bridle.internal.optout;

import java.util.ArrayList;
import java.util.List;

/**
 * Expands a keyword file entry's alternatives: {@code (a|b c)} is one of the choices, {@code [a b]} is optional, and
 * they nest. {@code stop (texting|messaging) me [again]} is four phrases. Everything else is literal text.
 */
final class EntryPattern {

    /** More than this many expansions of one entry is almost certainly a mistake. */
    static final int MAX_EXPANSIONS = 1000;

    private final String text;
    private int at;

    private EntryPattern(String text) {
        this.text = text;
    }

    /** Every text the entry stands for, in the order written. */
    static List<String> expand(String entry) {
        EntryPattern pattern = new EntryPattern(entry);
        List<String> expansions = pattern.sequence();
        if (pattern.at < entry.length()) {
            throw new IllegalArgumentException("unexpected '" + entry.charAt(pattern.at) + "' at character "
                    + (pattern.at + 1) + " (a '|' or closing bracket outside any group)");
        }
        List<String> tidy = new ArrayList<>(expansions.size());
        for (String expansion : expansions) {
            String words = expansion.trim().replaceAll("\\s+", " ");
            if (!tidy.contains(words)) {
                tidy.add(words);
            }
        }
        return tidy;
    }

    /** Items up to the end, a '|' or a closing bracket. */
    private List<String> sequence() {
        List<String> results = new ArrayList<>(List.of(""));
        while (at < text.length()) {
            char c = text.charAt(at);
            if (c == '|' || c == ')' || c == ']') {
                break;
            }
            List<String> item;
            if (c == '(' || c == '[') {
                at++;
                item = group(c == '(' ? ')' : ']');
            } else {
                item = List.of(literal());
            }
            results = product(results, item);
        }
        return results;
    }

    private List<String> group(char close) {
        int opened = at;
        List<String> choices = new ArrayList<>(sequence());
        while (at < text.length() && text.charAt(at) == '|') {
            at++;
            choices.addAll(sequence());
        }
        if (at >= text.length() || text.charAt(at) != close) {
            throw new IllegalArgumentException("the '" + (close == ')' ? '(' : '[') + "' at character " + opened
                    + " is not closed by '" + close + "'");
        }
        at++;
        if (at < text.length() && "?*+".indexOf(text.charAt(at)) >= 0) {
            throw new IllegalArgumentException("'" + text.charAt(at) + "' after a group at character " + (at + 1)
                    + " is not supported; write an optional part in square brackets, like [me]");
        }
        if (close == ']') {
            choices.add("");
        }
        return choices;
    }

    private String literal() {
        int start = at;
        while (at < text.length() && "()[]|".indexOf(text.charAt(at)) < 0) {
            at++;
        }
        return text.substring(start, at);
    }

    private static List<String> product(List<String> heads, List<String> tails) {
        if ((long) heads.size() * tails.size() > MAX_EXPANSIONS) {
            throw new IllegalArgumentException(
                    "expands to more than " + MAX_EXPANSIONS + " texts; split it into several entries");
        }
        List<String> out = new ArrayList<>(heads.size() * tails.size());
        for (String head : heads) {
            for (String tail : tails) {
                out.add(head + tail);
            }
        }
        return out;
    }
}
