package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.config.KeywordFileReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shipped keywords against labelled messages in six languages ({@code keyword-cases.tsv}): the complaints about
 * other systems (reference §5), Unicode tricks, ordinary sentences and near misses. Every labelled case must hold; the
 * accuracy, counting the known misses, is printed.
 */
class KeywordMatcherTableTest {

    private static final Pattern ESCAPE = Pattern.compile("\\\\u([0-9A-Fa-f]{4})");

    record Case(int line, String expectedClass, boolean knownMiss, String expectedRule, String message) {}

    private static KeywordMatcher matcher;
    private static List<Case> cases;

    @BeforeAll
    static void load() throws IOException {
        matcher = KeywordMatcher.of(KeywordFileReader.defaults());
        cases = cases();
    }

    static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = KeywordMatcherTableTest.class.getResourceAsStream("keyword-cases.tsv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                String[] columns = line.split("\t", 3);
                if (columns.length != 3) {
                    throw new IllegalStateException(
                            "keyword-cases.tsv line " + (i + 1) + ": expected class, rule and message");
                }
                boolean known = columns[0].startsWith("~");
                cases.add(new Case(
                        i + 1, known ? columns[0].substring(1) : columns[0], known, columns[1], unescape(columns[2])));
            }
        }
        return cases;
    }

    static String unescape(String text) {
        Matcher m = ESCAPE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(String.valueOf((char) Integer.parseInt(m.group(1), 16))));
        }
        return m.appendTail(out).toString();
    }

    @Test
    void everyLabelledMessageIsClassifiedAsLabelled() {
        List<String> failures = new ArrayList<>();
        Map<String, int[]> byClass = new TreeMap<>();
        int right = 0;
        for (Case c : cases) {
            Classification got = matcher.classify(c.message());
            boolean classRight = got.messageClass().name().equals(c.expectedClass());
            boolean ruleRight = c.expectedRule().equals("*") || got.rule().equals(c.expectedRule());
            int[] tally = byClass.computeIfAbsent(c.expectedClass(), k -> new int[2]);
            tally[1]++;
            if (classRight) {
                right++;
                tally[0]++;
            }
            if (c.knownMiss() == classRight || (!c.knownMiss() && !ruleRight)) {
                failures.add("line " + c.line() + ": " + quote(c.message()) + " expected "
                        + (c.knownMiss() ? "a known miss of " : "")
                        + c.expectedClass() + " " + c.expectedRule() + ", got " + got.messageClass() + " " + got.rule()
                        + " [" + got.language() + "] \"" + got.normalised() + "\"");
            }
        }
        StringBuilder report = new StringBuilder(String.format(
                "keyword table: %d/%d right (%.1f%%)", right, cases.size(), 100.0 * right / cases.size()));
        byClass.forEach((k, v) -> report.append(String.format("; %s %d/%d", k, v[0], v[1])));
        System.out.println(report);
        assertThat(cases).hasSizeGreaterThanOrEqualTo(150);
        assertThat(failures).as(report.toString()).isEmpty();
    }

    @Test
    void coversAllSixLanguagesAndEveryClass() {
        List<String> languages = cases.stream()
                .map(c -> matcher.classify(c.message()).language())
                .distinct()
                .toList();
        assertThat(languages).contains("en", "es", "fr", "de", "pt", "it");
        assertThat(cases.stream().map(Case::expectedClass).distinct())
                .containsExactlyInAnyOrder("OPT_OUT", "OPT_IN", "HELP", "AMBIGUOUS", "NONE");
    }

    private static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().forEach(cp -> {
            if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.getType(cp) == Character.FORMAT) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }
}
