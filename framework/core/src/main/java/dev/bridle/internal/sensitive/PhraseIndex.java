package dev.bridle.internal.sensitive;

import dev.bridle.internal.optout.KeywordNormaliser;
import dev.bridle.internal.optout.NormalisedMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Word sequences looked up in normalised text (cut into words by {@link KeywordNormaliser}, so that case, width,
 * accents, invisible characters and look-alike letters do not matter). A word written with a trailing {@code *}
 * ({@code diabet*}) matches every word that starts with it, for inflections; the stem needs at least {@value #MIN_STEM}
 * letters. Entries are indexed by the first {@value #MIN_STEM} characters of their first word's key, so a lookup
 * compares only the few entries that can start at a word. Read-only once built.
 *
 * @param <V> what an entry carries
 */
public final class PhraseIndex<V> {

    /** The shortest stem: shorter ones would match half the dictionary. */
    public static final int MIN_STEM = 3;

    /** One entry: its words' keys, whether the last word is a stem, its text as written, and what it carries. */
    public record Entry<V>(String[] keys, boolean stem, String display, V value) {

        int length() {
            return keys.length;
        }
    }

    /** An entry found at word {@code start}, spanning {@code length} words. */
    public record Hit<V>(int start, int length, Entry<V> entry) {

        /** The word after the last word of the hit. */
        public int end() {
            return start + length;
        }
    }

    private final Map<String, List<Entry<V>>> byPrefix = new HashMap<>();
    private final Map<String, Entry<V>> byText = new HashMap<>();

    /**
     * Adds an entry, written as words with an optional {@code *} ending the last one.
     *
     * @return why it cannot be an entry (no words, a stem too short, a {@code *} inside), or empty when added; an entry
     *     whose normalised words are already there is not added again and is not a problem
     */
    public Optional<String> add(String written, V value) {
        String text = written.strip();
        boolean stem = text.endsWith("*");
        String body = stem ? text.substring(0, text.length() - 1) : text;
        if (body.contains("*")) {
            return Optional.of("'*' may only end an entry, as in diabet*");
        }
        if (stem && (body.isEmpty() || Character.isWhitespace(body.charAt(body.length() - 1)))) {
            return Optional.of("'*' must end a word, as in diabet*");
        }
        NormalisedMessage words = KeywordNormaliser.normalise(body);
        if (words.size() == 0) {
            return Optional.of("has no words (only punctuation, emoji, mentions or links)");
        }
        String[] keys = words.keys(0, words.size());
        if (stem && keys[keys.length - 1].length() < MIN_STEM) {
            return Optional.of("a stem needs at least " + MIN_STEM + " letters before '*'");
        }
        String identity = String.join(" ", keys) + (stem ? "*" : "");
        if (byText.containsKey(identity)) {
            return Optional.empty();
        }
        Entry<V> entry = new Entry<>(keys, stem, words.text() + (stem ? "*" : ""), value);
        byText.put(identity, entry);
        byPrefix.computeIfAbsent(prefix(keys[0]), k -> new ArrayList<>()).add(entry);
        return Optional.empty();
    }

    /** Whether an entry with these words is there. */
    public boolean contains(String written) {
        String text = written.strip();
        boolean stem = text.endsWith("*");
        NormalisedMessage words = KeywordNormaliser.normalise(stem ? text.substring(0, text.length() - 1) : text);
        return byText.containsKey(String.join(" ", words.keys(0, words.size())) + (stem ? "*" : ""));
    }

    /** Removes the entry written so; returns whether there was one. */
    public boolean remove(String written) {
        String text = written.strip();
        boolean stem = text.endsWith("*");
        NormalisedMessage words = KeywordNormaliser.normalise(stem ? text.substring(0, text.length() - 1) : text);
        if (words.size() == 0) {
            return false;
        }
        String[] keys = words.keys(0, words.size());
        Entry<V> entry = byText.remove(String.join(" ", keys) + (stem ? "*" : ""));
        if (entry == null) {
            return false;
        }
        byPrefix.get(prefix(keys[0])).remove(entry);
        return true;
    }

    /** How many entries there are. */
    public int size() {
        return byText.size();
    }

    /** Every entry, in no particular order. */
    public List<Entry<V>> entries() {
        return List.copyOf(byText.values());
    }

    /**
     * Every longest non-overlapping hit, left to right, skipping words marked in {@code masked} (which may be null). A
     * hit may not include a masked word.
     */
    public List<Hit<V>> find(NormalisedMessage text, boolean[] masked) {
        List<Hit<V>> hits = new ArrayList<>();
        int i = 0;
        while (i < text.size()) {
            Hit<V> best = masked != null && masked[i] ? null : longestAt(text, i, masked);
            if (best == null) {
                i++;
            } else {
                hits.add(best);
                i = best.end();
            }
        }
        return hits;
    }

    /** Marks every word covered by an entry. */
    public boolean[] cover(NormalisedMessage text) {
        boolean[] covered = new boolean[text.size()];
        for (Hit<V> hit : find(text, null)) {
            for (int j = hit.start(); j < hit.end(); j++) {
                covered[j] = true;
            }
        }
        return covered;
    }

    private Hit<V> longestAt(NormalisedMessage text, int start, boolean[] masked) {
        List<Entry<V>> candidates = byPrefix.get(prefix(text.key(start)));
        if (candidates == null) {
            return null;
        }
        Entry<V> best = null;
        for (Entry<V> entry : candidates) {
            if ((best == null || entry.length() > best.length()) && matches(entry, text, start, masked)) {
                best = entry;
            }
        }
        return best == null ? null : new Hit<>(start, best.length(), best);
    }

    private static boolean matches(Entry<?> entry, NormalisedMessage text, int start, boolean[] masked) {
        String[] keys = entry.keys();
        if (start + keys.length > text.size()) {
            return false;
        }
        for (int j = 0; j < keys.length; j++) {
            if (masked != null && masked[start + j]) {
                return false;
            }
            String word = text.key(start + j);
            boolean last = j == keys.length - 1;
            if (!(last && entry.stem() ? word.startsWith(keys[j]) : word.equals(keys[j]))) {
                return false;
            }
        }
        return true;
    }

    private static String prefix(String key) {
        return key.length() <= MIN_STEM ? key : key.substring(0, MIN_STEM);
    }
}
