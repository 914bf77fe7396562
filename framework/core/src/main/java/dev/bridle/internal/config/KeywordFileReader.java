package dev.bridle.internal.config;

import dev.bridle.internal.optout.KeywordSet;
import dev.bridle.internal.optout.KeywordSettings;
import dev.bridle.internal.optout.Replies;
import dev.bridle.internal.yaml.DocPath;
import dev.bridle.internal.yaml.Problems;
import dev.bridle.internal.yaml.YamlFile;
import dev.bridle.internal.yaml.YamlNode;
import dev.bridle.internal.yaml.YamlNode.Entry;
import dev.bridle.internal.yaml.YamlNode.Location;
import dev.bridle.internal.yaml.YamlNode.YamlList;
import dev.bridle.internal.yaml.YamlNode.YamlMap;
import dev.bridle.internal.yaml.YamlNode.YamlScalar;
import dev.bridle.internal.yaml.YamlNode.YamlScalar.Kind;
import dev.bridle.internal.yaml.YamlProblem;
import dev.bridle.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and checks a keyword file, collecting every problem with its line before giving up, and hands each entry to a
 * {@link KeywordSet.Builder}, which says what is wrong with it as a keyword. The format is documented in the header of
 * {@code config/optout-keywords.yaml}.
 *
 * <pre>{@code
 * KeywordSet keywords = KeywordFileReader.load(Path.of("config/optout-keywords.yaml"));
 * }</pre>
 */
public final class KeywordFileReader {

    /** Where the shipped defaults ({@code config/optout-keywords.yaml}) are on the class path. */
    public static final String DEFAULTS_RESOURCE = "/dev/bridle/optout/optout-keywords.yaml";

    /** The {@link KeywordSet#source()} of {@link #defaults()}. */
    public static final String DEFAULTS_SOURCE = "classpath:" + DEFAULTS_RESOURCE;

    private static final Set<String> TOP_KEYS = Set.of("version", "settings", "languages");
    private static final Set<String> SETTING_KEYS =
            Set.of("phrases", "fuzzy", "partial_max_words", "phrase_max_words", "default_language");
    private static final List<String> LIST_KEYS = KeywordSet.Builder.LIST_KEYS;
    private static final List<String> REPLY_KEYS = KeywordSet.Builder.REPLY_KEYS;
    private static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");
    private static final int MAX_LANGUAGES = 64;
    /**
     * The largest keyword file read, 1 MiB: the shipped file holds six languages in 22 KB, so even
     * {@value #MAX_LANGUAGES} languages with long lists stay far below it. A larger file is not a keyword file, and is
     * refused before it is parsed.
     */
    static final int MAX_BYTES = 1 << 20;
    /** Keyword files are mostly optional lists: an alias reads as nothing, not as a misplaced word too. */
    private static final YamlReader.Hints HINTS = new YamlReader.Hints(
            "check the indentation, and quote entries containing ': ', ' #', '[' or '{'",
            "write each key once",
            "write the value out in full",
            "keep the whole keyword file in one document",
            Kind.NULL);

    private final String file;
    private final Problems problems;
    private final List<String> languages = new ArrayList<>();
    private final KeywordSet.Builder keywords = KeywordSet.builder();
    private final Map<String, Map<String, YamlScalar>> replyTexts = new LinkedHashMap<>();
    /** Where each language's replies are (or the language itself, without replies), for "missing" problems. */
    private final Map<String, YamlNode> replyBlocks = new LinkedHashMap<>();

    private YamlNode defaultLanguageAt;

    private KeywordFileReader(String file) {
        this.file = file;
        this.problems = new Problems(file);
    }

    /**
     * Reads a keyword file.
     *
     * @throws KeywordFileException when it cannot be read (a problem without a line) or is invalid
     */
    public static KeywordSet load(Path file) {
        return parse(text(file), file.toString());
    }

    /**
     * Reads a keyword file from text.
     *
     * @param yaml the file's content
     * @param source the file's name, for problems and {@link KeywordSet#source()}
     * @throws KeywordFileException with every problem and its line when the file cannot be used
     */
    public static KeywordSet parse(String yaml, String source) {
        Objects.requireNonNull(yaml, "yaml");
        Objects.requireNonNull(source, "source");
        return new KeywordFileReader(source).read(yaml);
    }

    /** The keywords shipped with Bridle: {@code config/optout-keywords.yaml} as released. */
    public static KeywordSet defaults() {
        try (InputStream in = KeywordFileReader.class.getResourceAsStream(DEFAULTS_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(
                        "the shipped keyword file " + DEFAULTS_RESOURCE + " is not on the class path");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), DEFAULTS_SOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of a keyword file, or a {@link KeywordFileException} saying why it cannot be used: missing, over
     * {@link #MAX_BYTES}, or not UTF-8 (with the line and column of the first bad byte).
     */
    public static String text(Path file) {
        String name = file.toString();
        try {
            return YamlFile.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw unreadable(
                    name,
                    0,
                    0,
                    "no such file; expected a keyword file (the shipped one is config/optout-keywords.yaml)");
        } catch (YamlFile.TooLargeException e) {
            throw unreadable(
                    name,
                    0,
                    0,
                    "is " + e.getMessage() + " for a keyword file; expected a keyword file, which is"
                            + " tens of kilobytes (the shipped one, with six languages, is 22 KB): is this the right file?");
        } catch (YamlFile.NotUtf8Exception e) {
            throw unreadable(name, e.line(), e.column(), "not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw unreadable(name, 0, 0, "cannot be read: " + e);
        }
    }

    private static KeywordFileException unreadable(String file, int line, int column, String message) {
        return new KeywordFileException(file, List.of(new YamlProblem(file, line, column, "", message)));
    }

    private KeywordSet read(String yaml) {
        Optional<YamlNode> root = new YamlReader(problems, HINTS).read(yaml);
        if (root.isEmpty()) {
            if (problems.isEmpty()) {
                problem(null, "", "the file is empty; expected settings: and languages:");
            }
            throw failure();
        }
        if (!(root.get() instanceof YamlMap top)) {
            problem(
                    root.get(),
                    "",
                    "expected a mapping with settings: and languages:, found "
                            + root.get().describe());
            throw failure();
        }
        checkKeys(top, "", TOP_KEYS);
        Entry version = top.entries().get("version");
        if (version != null && !(version.value() instanceof YamlScalar v && "1".equals(v.text()))) {
            problem(version.value(), "version", "only version 1 exists; expected version: 1");
        }
        KeywordSettings settings = settings(top.entries().get("settings"));
        defaultLanguageAt = settingNode(top.entries().get("settings"), "default_language");
        Entry languagesEntry = top.entries().get("languages");
        if (languagesEntry == null) {
            problem(top, "", "missing languages:; expected at least one language with its keywords");
        } else if (languagesEntry.value() instanceof YamlMap byLanguage
                && !byLanguage.entries().isEmpty()) {
            byLanguage.entries().values().forEach(this::language);
        } else {
            problem(
                    languagesEntry.value(),
                    "languages",
                    "expected a mapping of language tags (en, fr, ...) to their" + " keywords, found "
                            + languagesEntry.value().describe());
        }
        Map<String, Replies> replies = replies(settings);
        if (!problems.isEmpty()) {
            throw failure();
        }
        return keywords.build(file, version(yaml), settings, languages, replies);
    }

    private KeywordSettings settings(Entry entry) {
        Map<String, Entry> given = Map.of();
        if (entry != null) {
            if (entry.value() instanceof YamlMap map) {
                checkKeys(map, "settings", SETTING_KEYS);
                given = map.entries();
            } else if (!(entry.value() instanceof YamlScalar s && s.isNull())) {
                problem(
                        entry.value(),
                        "settings",
                        "expected a mapping of settings, found " + entry.value().describe());
            }
        }
        return new KeywordSettings(
                bool(given.get("phrases"), KeywordSettings.DEFAULT_PHRASES),
                bool(given.get("fuzzy"), KeywordSettings.DEFAULT_FUZZY),
                count(given.get("partial_max_words"), KeywordSettings.DEFAULT_PARTIAL_MAX_WORDS, 1, 50),
                count(given.get("phrase_max_words"), KeywordSettings.DEFAULT_PHRASE_MAX_WORDS, 1, 500),
                text(given.get("default_language"), KeywordSettings.DEFAULT_LANGUAGE));
    }

    private boolean bool(Entry entry, boolean fallback) {
        if (entry == null) {
            return fallback;
        }
        if (entry.value() instanceof YamlScalar s && s.isBoolean()) {
            return s.kind() == Kind.TRUE;
        }
        problem(
                entry.value(),
                "settings." + entry.key(),
                "expected true or false, found " + entry.value().describe());
        return fallback;
    }

    private int count(Entry entry, int fallback, int min, int max) {
        if (entry == null) {
            return fallback;
        }
        if (entry.value() instanceof YamlScalar s && s.kind() == Kind.INTEGER) {
            try {
                int value = Integer.parseInt(s.text());
                if (value >= min && value <= max) {
                    return value;
                }
            } catch (NumberFormatException e) {
                // out of int range: reported below
            }
        }
        problem(
                entry.value(),
                "settings." + entry.key(),
                "expected a whole number from " + min + " to " + max + ", found "
                        + entry.value().describe());
        return fallback;
    }

    private String text(Entry entry, String fallback) {
        if (entry == null) {
            return fallback;
        }
        if (entry.value() instanceof YamlScalar s && s.kind() == Kind.STRING) {
            return s.text();
        }
        problem(
                entry.value(),
                "settings." + entry.key(),
                "expected a language tag, found " + entry.value().describe());
        return fallback;
    }

    private void language(Entry entry) {
        String tag = entry.key();
        String path = "languages." + tag;
        if (!LANGUAGE_TAG.matcher(tag).matches()) {
            problems.add(
                    entry.keyLocation(),
                    path,
                    "'" + tag + "' is not a language tag; expected a lowercase tag such as en, pt or es-mx");
            return;
        }
        if (languages.size() == MAX_LANGUAGES) {
            problems.add(entry.keyLocation(), path, "more than " + MAX_LANGUAGES + " languages; merge some");
            return;
        }
        if (!(entry.value() instanceof YamlMap block)) {
            problem(
                    entry.value(),
                    path,
                    "expected a mapping with opt_out:, opt_in:, help: and so on, found "
                            + entry.value().describe());
            return;
        }
        int index = languages.size();
        languages.add(tag);
        replyBlocks.put(tag, block);
        List<String> known = new ArrayList<>(LIST_KEYS);
        known.add("replies");
        checkKeys(block, path, Set.copyOf(known));
        for (String key : LIST_KEYS) {
            Entry list = block.entries().get(key);
            if (list != null) {
                entries(list, path + '.' + key, tag, index, key);
            }
        }
        Entry replies = block.entries().get("replies");
        if (replies != null) {
            replyBlocks.put(tag, replies.value());
            replyTexts(replies, path + ".replies", tag);
        }
    }

    private void entries(Entry list, String path, String language, int index, String key) {
        if (list.value() instanceof YamlScalar s && s.isNull()) {
            return;
        }
        if (!(list.value() instanceof YamlList items)) {
            problem(
                    list.value(),
                    path,
                    "expected a list of entries, found " + list.value().describe());
            return;
        }
        for (int i = 0; i < items.items().size(); i++) {
            YamlNode item = items.items().get(i);
            String itemPath = DocPath.index(path, i);
            if (!(item instanceof YamlScalar scalar)
                    || scalar.isNull()
                    || scalar.text().isBlank()) {
                problem(item, itemPath, "expected a word or phrase, found " + item.describe());
                continue;
            }
            keywords.add(key, scalar.text(), language, index, scalar.location().line())
                    .forEach(p -> problem(item, itemPath, p));
        }
    }

    private void replyTexts(Entry entry, String path, String language) {
        if (!(entry.value() instanceof YamlMap map)) {
            problem(
                    entry.value(),
                    path,
                    "expected a mapping of opt_out:, opt_in:, help: and ambiguous: texts, found "
                            + entry.value().describe());
            return;
        }
        checkKeys(map, path, Set.copyOf(REPLY_KEYS));
        Map<String, YamlScalar> texts = new LinkedHashMap<>();
        for (Entry reply : map.entries().values()) {
            if (!REPLY_KEYS.contains(reply.key())) {
                continue;
            }
            if (reply.value() instanceof YamlScalar s
                    && s.kind() == Kind.STRING
                    && !s.text().isBlank()) {
                keywords.replyProblems(reply.key(), s.text()).forEach(p -> problem(s, path + '.' + reply.key(), p));
                texts.put(reply.key(), s);
            } else {
                problem(
                        reply.value(),
                        path + '.' + reply.key(),
                        "expected the text to send, found " + reply.value().describe());
            }
        }
        replyTexts.put(language, texts);
    }

    private Map<String, Replies> replies(KeywordSettings settings) {
        Map<String, Replies> replies = new LinkedHashMap<>();
        if (languages.isEmpty()) {
            return replies;
        }
        if (!languages.contains(settings.defaultLanguage())) {
            problem(
                    defaultLanguageAt,
                    "settings.default_language",
                    "'" + settings.defaultLanguage() + "' has no block under languages:; expected one of " + languages);
            return replies;
        }
        Map<String, YamlScalar> fallback = replyTexts.getOrDefault(settings.defaultLanguage(), Map.of());
        List<String> missing =
                REPLY_KEYS.stream().filter(key -> !fallback.containsKey(key)).toList();
        if (!missing.isEmpty()) {
            problem(
                    replyBlocks.get(settings.defaultLanguage()),
                    "languages." + settings.defaultLanguage() + ".replies",
                    "missing " + String.join(", ", missing) + "; the default language needs all four replies (opt_out,"
                            + " opt_in, help, ambiguous), which other languages fall back on");
        }
        if (fallback.size() < REPLY_KEYS.size()) {
            return replies;
        }
        for (String language : languages) {
            Map<String, YamlScalar> own = replyTexts.getOrDefault(language, Map.of());
            checkMentions(own.get("opt_out"), language, "opt_out");
            checkMentions(own.get("ambiguous"), language, "ambiguous");
            replies.put(
                    language,
                    new Replies(
                            language,
                            own.getOrDefault("opt_out", fallback.get("opt_out")).text(),
                            own.getOrDefault("opt_in", fallback.get("opt_in")).text(),
                            own.getOrDefault("help", fallback.get("help")).text(),
                            own.getOrDefault("ambiguous", fallback.get("ambiguous"))
                                    .text()));
        }
        return replies;
    }

    /** A reply must name a keyword the reader of the reply can send (see {@link KeywordSet.Builder#unnamedKeyword}). */
    private void checkMentions(YamlScalar reply, String language, String key) {
        if (reply != null) {
            keywords.unnamedKeyword(key, reply.text(), language)
                    .ifPresent(p -> problem(reply, "languages." + language + ".replies." + key, p));
        }
    }

    private static YamlNode settingNode(Entry settings, String key) {
        if (settings != null
                && settings.value() instanceof YamlMap map
                && map.entries().containsKey(key)) {
            return map.entries().get(key).value();
        }
        return settings == null ? null : settings.value();
    }

    private void checkKeys(YamlMap map, String path, Set<String> known) {
        for (Entry entry : map.unknown(known)) {
            problems.add(
                    entry.keyLocation(),
                    DocPath.key(path, entry.key()),
                    "unknown key; expected one of " + known.stream().sorted().toList());
        }
    }

    private void problem(YamlNode at, String path, String message) {
        problems.add(at == null ? Location.FILE : at.location(), path, message);
    }

    private KeywordFileException failure() {
        return new KeywordFileException(file, problems.inFileOrder());
    }

    /** The first 12 hex digits of the file's SHA-256: which keyword file classified a message. */
    public static String version(String yaml) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(yaml.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
