package dev.bridle.sandbox.internal.v2;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The filtered-stream rules each app has registered, by consumer key: on X rules belong to the app, not to a user, so
 * two accounts signing with the same app see the same rules. Cleared when the sandbox resets.
 */
public final class StreamRuleBook {
    /** Where rule ids start: 19 digits, like X's. */
    private static final long FIRST_ID = 1_730_000_000_000_000_000L;

    /**
     * One registered rule.
     *
     * @param id the platform's id for it
     * @param value the rule text
     * @param tag the tag it was given, or null
     */
    record Rule(String id, String value, String tag) {}

    private final Map<String, Map<String, Rule>> byApp = new LinkedHashMap<>();
    private long nextId = FIRST_ID;

    /** The app's rules, oldest first. */
    synchronized List<Rule> rules(String app) {
        return List.copyOf(byApp.getOrDefault(app, Map.of()).values());
    }

    /** The app's rule with this exact value, if any (X refuses a second one as a duplicate). */
    synchronized Optional<Rule> withValue(String app, String value) {
        return byApp.getOrDefault(app, Map.of()).values().stream()
                .filter(r -> r.value().equals(value))
                .findFirst();
    }

    /** Adds the rules, in order, and returns them with their new ids. */
    synchronized List<Rule> add(String app, List<Rule> drafts) {
        Map<String, Rule> rules = byApp.computeIfAbsent(app, k -> new LinkedHashMap<>());
        List<Rule> added = new ArrayList<>();
        for (Rule draft : drafts) {
            Rule rule = new Rule(Long.toString(nextId++), draft.value(), draft.tag());
            rules.put(rule.id(), rule);
            added.add(rule);
        }
        return added;
    }

    /** Removes the rule {@code id}; whether the app had it. */
    synchronized boolean delete(String app, String id) {
        Map<String, Rule> rules = byApp.get(app);
        return rules != null && rules.remove(id) != null;
    }

    /** Forgets every app's rules. */
    public synchronized void clear() {
        byApp.clear();
        nextId = FIRST_ID;
    }
}
