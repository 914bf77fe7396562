package dev.bridle.internal.config;

import dev.bridle.internal.watch.WatchCategory;
import dev.bridle.internal.watch.WatchTerms;
import dev.bridle.internal.yaml.YamlNode;
import dev.bridle.internal.yaml.YamlNode.Entry;
import dev.bridle.internal.yaml.YamlNode.YamlList;
import dev.bridle.internal.yaml.YamlNode.YamlMap;
import dev.bridle.internal.yaml.YamlNode.YamlScalar;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Reads a watch-rule term file ({@code config/watch-terms.yaml}, whose header documents the format) into
 * {@link WatchTerms}, collecting every problem with its line. Every exception must state its reason: one without is a
 * problem at its line. An operator's file stands alone or starts with {@code extends: shipped}.
 */
public final class WatchTermsReader {

    /** Where the shipped file is on the class path. */
    public static final String DEFAULTS_RESOURCE = "/dev/bridle/watch/watch-terms.yaml";

    /** The source of {@link #defaults()}. */
    public static final String DEFAULTS_SOURCE = "classpath:" + DEFAULTS_RESOURCE;

    private static final String KIND = "watch term file";
    private static final Set<String> TOP_KEYS = Set.of("version", "extends", "remove", "languages", "exceptions");
    private static final Map<String, WatchCategory> LISTS = Map.of(
            "sensitive_event", WatchCategory.SENSITIVE_EVENT,
            "sensitive_group", WatchCategory.SENSITIVE_GROUP,
            "measurement", WatchCategory.MEASUREMENT);
    private static final Set<String> EXCEPTION_KEYS = Set.of("phrase", "account", "reason");

    private static volatile WatchTerms shipped;

    private final TermFileParts parts;

    private WatchTermsReader(String file) {
        this.parts = new TermFileParts(KIND, file);
    }

    /** Reads a term file; a {@link TermFileException} lists every problem with its line. */
    public static WatchTerms load(Path file) {
        return parse(TermFileParts.text(KIND, file, "config/watch-terms.yaml"), file.toString());
    }

    /** Reads a term file from its text; {@code source} names it in problems. */
    public static WatchTerms parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        return new WatchTermsReader(Objects.requireNonNull(source, "source")).read(yaml);
    }

    /** The shipped terms: {@code config/watch-terms.yaml} as released. */
    public static WatchTerms defaults() {
        WatchTerms terms = shipped;
        if (terms == null) {
            terms = parse(TermFileParts.resource(DEFAULTS_RESOURCE), DEFAULTS_SOURCE);
            shipped = terms;
        }
        return terms;
    }

    private WatchTerms read(String yaml) {
        YamlMap top = parts.top(yaml, TOP_KEYS).orElseThrow(parts::failure);
        boolean extending = parts.extendsShipped(top);
        WatchTerms.Builder builder = extending ? WatchTerms.extending(defaults()) : WatchTerms.builder();
        if (!extending && top.entries().containsKey("remove")) {
            parts.problem(
                    top.entries().get("remove").value(),
                    "remove",
                    "remove: takes terms out of the shipped file; add extends: shipped, or leave the terms out");
        }
        YamlMap languages = parts.map(top.entries().get("languages"), "languages", "a mapping of language tags");
        if (languages != null) {
            for (Entry language : languages.entries().values()) {
                language(language, builder);
            }
        }
        exceptions(top.entries().get("exceptions"), builder);
        if (extending) {
            parts.texts(
                    top.entries().get("remove"), "remove", (s, at) -> parts.problem(builder.remove(s.text()), s, at));
        } else if (parts.problems.isEmpty() && !builder.hasTerms()) {
            parts.problem(
                    top,
                    "",
                    "no terms; a file that does not start with extends: shipped needs languages: with"
                            + " sensitive_event, sensitive_group or measurement terms");
        }
        if (!parts.problems.isEmpty()) {
            throw parts.failure();
        }
        return builder.build(parts.file, KeywordFileReader.version(yaml));
    }

    private void language(Entry language, WatchTerms.Builder builder) {
        String path = "languages." + language.key();
        if (!parts.language(language, path)) {
            return;
        }
        YamlMap lists = parts.map(language, path, "a mapping with sensitive_event:, sensitive_group:, measurement:");
        if (lists == null) {
            return;
        }
        parts.checkKeys(lists, path, LISTS.keySet());
        for (Entry list : lists.entries().values()) {
            WatchCategory category = LISTS.get(list.key());
            if (category != null) {
                String at = path + "." + list.key();
                parts.texts(
                        list,
                        at,
                        (s, where) -> parts.problem(builder.term(category, language.key(), s.text()), s, where));
            }
        }
    }

    private void exceptions(Entry entry, WatchTerms.Builder builder) {
        if (entry == null || (entry.value() instanceof YamlScalar s && s.isNull())) {
            return;
        }
        if (!(entry.value() instanceof YamlList list)) {
            parts.problem(
                    entry.value(),
                    "exceptions",
                    "expected a list of exceptions, each with phrase: or account:" + " and reason:, found "
                            + entry.value().describe());
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String path = "exceptions[" + i + "]";
            if (!(item instanceof YamlMap map)) {
                parts.problem(item, path, "expected phrase: or account: with reason:, found " + item.describe());
                continue;
            }
            parts.checkKeys(map, path, EXCEPTION_KEYS);
            String reason = scalar(map, "reason");
            String phrase = scalar(map, "phrase");
            String account = scalar(map, "account");
            if ((phrase == null) == (account == null)) {
                parts.problem(map, path, "expected exactly one of phrase: or account:");
            } else if (phrase != null) {
                parts.problem(builder.exception(phrase, reason), map, path);
            } else {
                parts.problem(builder.account(account, reason), map, path);
            }
        }
    }

    private String scalar(YamlMap map, String key) {
        Entry e = map.entries().get(key);
        if (e == null) {
            return null;
        }
        if (e.value() instanceof YamlScalar s && !s.isNull()) {
            return s.text();
        }
        parts.problem(e.value(), key, "expected text, found " + e.value().describe());
        return null;
    }
}
