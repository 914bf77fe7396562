package dev.bridle.internal.config;

import dev.bridle.internal.sensitive.SensitiveCategory;
import dev.bridle.internal.sensitive.SensitiveLexicon;
import dev.bridle.internal.yaml.YamlNode.Entry;
import dev.bridle.internal.yaml.YamlNode.YamlMap;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a sensitive-category term file ({@code config/sensitive-terms.yaml}, whose header documents the format) into a
 * {@link SensitiveLexicon}, collecting every problem with its line. An operator's file either stands alone (it must
 * then give every category a term) or starts with {@code extends: shipped} and adds terms and exceptions to the shipped
 * ones, or {@code remove:}s some of them.
 */
public final class SensitiveTermsReader {

    /** Where the shipped file is on the class path. */
    public static final String DEFAULTS_RESOURCE = "/dev/bridle/sensitive/sensitive-terms.yaml";

    /** The source of {@link #defaults()}. */
    public static final String DEFAULTS_SOURCE = "classpath:" + DEFAULTS_RESOURCE;

    private static final String KIND = "sensitive term file";
    private static final Set<String> TOP_KEYS =
            Set.of("version", "extends", "remove", "keys", "name_keys", "languages");
    private static final Set<String> LANGUAGE_KEYS = Set.of("exceptions", "terms");

    private static volatile SensitiveLexicon shipped;

    private final TermFileParts parts;

    private SensitiveTermsReader(String file) {
        this.parts = new TermFileParts(KIND, file);
    }

    /** Reads a term file; a {@link TermFileException} lists every problem with its line. */
    public static SensitiveLexicon load(Path file) {
        return parse(TermFileParts.text(KIND, file, "config/sensitive-terms.yaml"), file.toString());
    }

    /** Reads a term file from its text; {@code source} names it in problems. */
    public static SensitiveLexicon parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        return new SensitiveTermsReader(Objects.requireNonNull(source, "source")).read(yaml);
    }

    /** The shipped terms: {@code config/sensitive-terms.yaml} as released. */
    public static SensitiveLexicon defaults() {
        SensitiveLexicon lexicon = shipped;
        if (lexicon == null) {
            lexicon = parse(TermFileParts.resource(DEFAULTS_RESOURCE), DEFAULTS_SOURCE);
            shipped = lexicon;
        }
        return lexicon;
    }

    private SensitiveLexicon read(String yaml) {
        YamlMap top = parts.top(yaml, TOP_KEYS).orElseThrow(parts::failure);
        boolean extending = parts.extendsShipped(top);
        SensitiveLexicon.Builder builder =
                extending ? SensitiveLexicon.extending(defaults()) : SensitiveLexicon.builder();
        if (!extending && top.entries().containsKey("remove")) {
            parts.problem(
                    top.entries().get("remove").value(),
                    "remove",
                    "remove: takes terms out of the shipped file; add extends: shipped, or leave the terms out");
        }
        keys(top.entries().get("keys"), builder);
        parts.texts(
                top.entries().get("name_keys"),
                "name_keys",
                (s, at) -> parts.problem(builder.nameKey(s.text()), s, at));
        YamlMap languages = parts.map(top.entries().get("languages"), "languages", "a mapping of language tags");
        if (languages != null) {
            for (Entry language : languages.entries().values()) {
                language(language, builder);
            }
        }
        if (extending) {
            parts.texts(
                    top.entries().get("remove"), "remove", (s, at) -> parts.problem(builder.remove(s.text()), s, at));
        } else if (parts.problems.isEmpty()) {
            List<SensitiveCategory> missing = builder.categoriesWithoutTerms();
            if (!missing.isEmpty()) {
                parts.problem(
                        top,
                        "",
                        "no terms for "
                                + missing.stream().map(SensitiveCategory::code).toList()
                                + "; a file that does not start with extends: shipped must give every category a term");
            }
        }
        if (!parts.problems.isEmpty()) {
            throw parts.failure();
        }
        return builder.build(parts.file, KeywordFileReader.version(yaml));
    }

    private void keys(Entry entry, SensitiveLexicon.Builder builder) {
        YamlMap keys = parts.map(entry, "keys", "a mapping of categories to the fact keys that name them");
        if (keys == null) {
            return;
        }
        for (Entry category : keys.entries().values()) {
            String path = "keys." + category.key();
            category(category, path)
                    .ifPresent(c ->
                            parts.texts(category, path, (s, at) -> parts.problem(builder.keyTerm(c, s.text()), s, at)));
        }
    }

    private void language(Entry language, SensitiveLexicon.Builder builder) {
        String path = "languages." + language.key();
        if (!parts.language(language, path)) {
            return;
        }
        YamlMap lists = parts.map(language, path, "a mapping with terms: and exceptions:");
        if (lists == null) {
            return;
        }
        parts.checkKeys(lists, path, LANGUAGE_KEYS);
        String tag = language.key();
        parts.texts(
                lists.entries().get("exceptions"),
                path + ".exceptions",
                (s, at) -> parts.problem(builder.exception(tag, s.text()), s, at));
        YamlMap terms = parts.map(lists.entries().get("terms"), path + ".terms", "a mapping of categories to terms");
        if (terms == null) {
            return;
        }
        for (Entry category : terms.entries().values()) {
            String at = path + ".terms." + category.key();
            category(category, at)
                    .ifPresent(c -> parts.texts(
                            category, at, (s, where) -> parts.problem(builder.valueTerm(c, tag, s.text()), s, where)));
        }
    }

    private Optional<SensitiveCategory> category(Entry entry, String path) {
        Optional<SensitiveCategory> category = SensitiveCategory.of(entry.key());
        if (category.isEmpty()) {
            parts.problems.add(
                    entry.keyLocation(),
                    path,
                    "not a category; expected one of "
                            + Arrays.stream(SensitiveCategory.values())
                                    .map(SensitiveCategory::code)
                                    .toList());
        }
        return category;
    }
}
