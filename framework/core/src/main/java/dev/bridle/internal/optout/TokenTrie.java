package dev.bridle.internal.optout;

import java.util.HashMap;
import java.util.Map;

/**
 * Word sequences (keywords, phrases, fillers) in a trie keyed by comparison keys, so finding the longest entry that
 * starts at a word costs one hash lookup per word of the match. Built once per keyword file and read-only afterwards,
 * so it is safe to share between threads.
 *
 * @param <V> what an entry carries
 */
final class TokenTrie<V> {

    /** One node: the words that may follow, and the entry that ends here, if any. */
    static final class Node<V> {
        private Map<String, Node<V>> next = Map.of();
        private V value;

        /** The node after {@code key}, or null. */
        Node<V> child(String key) {
            return next.get(key);
        }

        /** The entry ending at this node, or null. */
        V value() {
            return value;
        }
    }

    /** An entry found in a message: where it starts, how many words it spans, what it carries. */
    record Hit<V>(int start, int length, V value) {

        int end() {
            return start + length;
        }
    }

    private final Node<V> root = new Node<>();
    private int longest;
    private int entries;

    /** The root, for walks the trie does not offer (backwards, for negations). */
    Node<V> root() {
        return root;
    }

    /** The number of words in the longest entry. */
    int longestEntry() {
        return longest;
    }

    /** How many entries there are. */
    int size() {
        return entries;
    }

    /** The entry stored for exactly {@code keys}, or null. */
    V get(String[] keys) {
        Node<V> node = root;
        for (String key : keys) {
            node = node.child(key);
            if (node == null) {
                return null;
            }
        }
        return node.value;
    }

    /**
     * The longest entry that starts at word {@code from} of {@code keys} (the first {@code size} are used), or null.
     */
    Hit<V> longestAt(String[] keys, int from, int size) {
        Node<V> node = root;
        V best = null;
        int bestLength = 0;
        for (int i = from; i < size; i++) {
            node = node.child(keys[i]);
            if (node == null) {
                break;
            }
            if (node.value != null) {
                best = node.value;
                bestLength = i - from + 1;
            }
        }
        return best == null ? null : new Hit<>(from, bestLength, best);
    }

    /** Builds a trie; not thread-safe, and not to be used after {@link #build()}. */
    static final class Builder<V> {
        private final TokenTrie<V> trie = new TokenTrie<>();

        /** Stores {@code value} for {@code keys} unless an entry is already there; returns that entry, or null. */
        V putIfAbsent(String[] keys, V value) {
            Node<V> node = trie.root;
            for (String key : keys) {
                if (node.next.isEmpty()) {
                    node.next = new HashMap<>();
                }
                node = node.next.computeIfAbsent(key, k -> new Node<>());
            }
            if (node.value != null) {
                return node.value;
            }
            node.value = value;
            trie.longest = Math.max(trie.longest, keys.length);
            trie.entries++;
            return null;
        }

        /** Replaces the entry stored for {@code keys}, which must exist. */
        void replace(String[] keys, V value) {
            Node<V> node = trie.root;
            for (String key : keys) {
                node = node.child(key);
            }
            node.value = value;
        }

        TokenTrie<V> build() {
            freeze(trie.root);
            return trie;
        }

        private static <V> void freeze(Node<V> node) {
            node.next = Map.copyOf(node.next);
            node.next.values().forEach(Builder::freeze);
        }
    }
}
