package dev.bridle.internal.aggregate;

import dev.bridle.internal.text.Identifiers;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The rule for an aggregate's name and labels: aggregate analysis is allowed only while it stores no identifiers (X
 * Developer Policy, more about restricted uses). So a label's name never says it holds a person ({@code user},
 * {@code handle}, {@code author} …), and its value is never a handle ({@code @…}), an id (five or more digits in a row:
 * user, post and message ids are long numbers) or a long free text (at most {@value #MAX_VALUE_LENGTH} characters); at
 * most {@value #MAX_LABELS} labels. The count of label combinations is bounded by the store.
 */
public final class AggregateLabels {

    static final int MAX_LABELS = 5;
    static final int MAX_VALUE_LENGTH = 40;

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
    private static final Set<String> PERSONAL_NAMES = Set.of(
            "user",
            "user_id",
            "userid",
            "users",
            "handle",
            "username",
            "screen_name",
            "author",
            "author_id",
            "person",
            "account_id",
            "follower",
            "recipient",
            "sender",
            "id",
            "email");

    private AggregateLabels() {}

    /**
     * The canonical text of {@code labels} for aggregate {@code name} ({@code k=v,k=v}, keys sorted).
     *
     * @throws IllegalArgumentException naming the label and the reason, if the name or a label breaks the rule
     */
    public static String canonical(String name, Map<String, String> labels) {
        checkName("aggregate", name);
        Objects.requireNonNull(labels, "labels");
        if (labels.size() > MAX_LABELS) {
            throw new IllegalArgumentException(
                    "aggregate '" + name + "' has " + labels.size() + " labels; at most " + MAX_LABELS);
        }
        StringBuilder canonical = new StringBuilder();
        for (Map.Entry<String, String> label : new TreeMap<>(labels).entrySet()) {
            String key = label.getKey();
            checkName("label", key);
            if (PERSONAL_NAMES.contains(key)) {
                throw refused(name, key, "its name says it holds a person");
            }
            String value = Objects.requireNonNull(label.getValue(), () -> "label '" + key + "' has no value");
            if (value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
                throw refused(name, key, "a value is 1 to " + MAX_VALUE_LENGTH + " characters, not blank");
            }
            Optional<String> identifier = Identifiers.heldIn(value);
            if (identifier.isPresent()) {
                throw refused(name, key, "its value holds " + identifier.get());
            }
            if (value.indexOf(',') >= 0 || value.indexOf('=') >= 0) {
                throw refused(name, key, "a value holds neither ',' nor '='");
            }
            if (!canonical.isEmpty()) {
                canonical.append(',');
            }
            canonical.append(key).append('=').append(value);
        }
        return canonical.toString();
    }

    private static void checkName(String what, String name) {
        Objects.requireNonNull(name, what + " name");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not an " + what
                    + " name: lower-case letters, digits and _, starting with a letter");
        }
    }

    private static IllegalArgumentException refused(String aggregate, String label, String why) {
        // The value is not repeated: it may be exactly the identifier that must not be kept.
        return new IllegalArgumentException("label '" + label + "' of aggregate '" + aggregate + "' is refused: " + why
                + "; aggregates keep no identifiers (X Developer Policy, restricted uses)");
    }
}
