package dev.bridle.internal.config;

import dev.bridle.config.Environment;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The platform asks that development, staging and production apps are kept apart and labelled: an app's name must carry
 * a label of the environment it runs in ({@link Environment#declaredBy}), so a dev or staging app refuses to run as
 * prod, and a prod app as dev or staging.
 */
final class AppNameRule {

    private record Label(String word, Environment environment) {}

    private AppNameRule() {}

    /** What is wrong with running the app {@code name} as {@code environment}, or empty if nothing. */
    static Optional<String> check(String name, Environment environment) {
        List<Label> labels = labelsIn(name);
        Set<Environment> declared =
                labels.stream().map(Label::environment).collect(Collectors.toCollection(LinkedHashSet::new));
        String expected =
                "; expected a name with a " + environment + " label (" + ConfigReader.labels(environment) + ")";
        if (declared.isEmpty()) {
            return Optional.of(Quoting.quote(name) + " does not say which environment it is for" + expected + ", like "
                    + Quoting.quote(name + "-" + environment));
        }
        if (declared.size() > 1) {
            return Optional.of(Quoting.quote(name) + " declares more than one environment ("
                    + labels.stream()
                            .map(l -> "label \"" + l.word() + "\" says " + l.environment())
                            .collect(Collectors.joining(", "))
                    + ")" + expected + " and no other");
        }
        Label found = labels.get(0);
        if (found.environment() != environment) {
            return Optional.of(Quoting.quote(name) + " is a " + found.environment() + " app (label \""
                    + found.word() + "\") but environment is " + environment + expected + ", like "
                    + Quoting.quote(replaceWord(name, found.word(), environment.toString()))
                    + "; dev, staging and prod apps must be kept apart");
        }
        return Optional.empty();
    }

    /** Every word of the name that is some environment's label, in order. */
    private static List<Label> labelsIn(String name) {
        List<Label> found = new ArrayList<>();
        for (String word : name.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) {
            for (Environment e : Environment.values()) {
                if (e.labels().contains(word)) {
                    found.add(new Label(word, e));
                }
            }
        }
        return found;
    }

    private static String replaceWord(String name, String word, String replacement) {
        Pattern pattern =
                Pattern.compile("(?<![A-Za-z0-9])" + Pattern.quote(word) + "(?![A-Za-z0-9])", Pattern.CASE_INSENSITIVE);
        return pattern.matcher(name).replaceAll(Matcher.quoteReplacement(replacement));
    }
}
