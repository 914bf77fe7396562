package dev.bridle.internal.config;

import dev.bridle.internal.yaml.DocPath;
import dev.bridle.internal.yaml.Problems;
import dev.bridle.internal.yaml.YamlFile;
import dev.bridle.internal.yaml.YamlNode;
import dev.bridle.internal.yaml.YamlNode.Entry;
import dev.bridle.internal.yaml.YamlNode.Location;
import dev.bridle.internal.yaml.YamlNode.YamlList;
import dev.bridle.internal.yaml.YamlNode.YamlMap;
import dev.bridle.internal.yaml.YamlNode.YamlScalar;
import dev.bridle.internal.yaml.YamlProblem;
import dev.bridle.internal.yaml.YamlReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

/**
 * What the term file readers share with the keyword file's: reading the file (size limit, strict UTF-8), the YAML with
 * locations, and lists of entries whose every problem is reported with its line.
 */
final class TermFileParts {

    /** A term file is tens of kilobytes; 1 MiB is not a term file. */
    static final int MAX_BYTES = 1 << 20;

    static final Pattern LANGUAGE_TAG = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})*");

    private static final YamlReader.Hints HINTS = new YamlReader.Hints(
            "check the indentation, and quote entries containing ': ', ' #', '[' or '{'",
            "write each key once",
            "write the value out in full",
            "keep the whole file in one document",
            YamlScalar.Kind.NULL);

    final String kind;
    final String file;
    final Problems problems;

    TermFileParts(String kind, String file) {
        this.kind = kind;
        this.file = file;
        this.problems = new Problems(file);
    }

    /** The file's text, or a {@link TermFileException} without a line saying why it cannot be read. */
    static String text(String kind, Path file, String shipped) {
        String name = file.toString();
        try {
            return YamlFile.read(file, MAX_BYTES);
        } catch (NoSuchFileException e) {
            throw unreadable(
                    kind, name, 0, 0, "no such file; expected a " + kind + " (the shipped one is " + shipped + ")");
        } catch (YamlFile.TooLargeException e) {
            throw unreadable(kind, name, 0, 0, "is " + e.getMessage() + " for a " + kind + ": is this the right file?");
        } catch (YamlFile.NotUtf8Exception e) {
            throw unreadable(kind, name, e.line(), e.column(), "not UTF-8 text; save the file as UTF-8");
        } catch (IOException e) {
            throw unreadable(kind, name, 0, 0, "cannot be read: " + e);
        }
    }

    /** A resource's text. */
    static String resource(String resource) {
        try (InputStream in = TermFileParts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the shipped term file " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TermFileException unreadable(String kind, String file, int line, int column, String message) {
        return new TermFileException(kind, file, List.of(new YamlProblem(file, line, column, "", message)));
    }

    /** The top-level mapping, or empty after reporting why there is none. */
    Optional<YamlMap> top(String yaml, Set<String> keys) {
        Optional<YamlNode> root = new YamlReader(problems, HINTS).read(yaml);
        if (root.isEmpty()) {
            if (problems.isEmpty()) {
                problem(null, "", "the file is empty; expected version: 1 and the lists");
            }
            return Optional.empty();
        }
        if (!(root.get() instanceof YamlMap top)) {
            problem(root.get(), "", "expected a mapping, found " + root.get().describe());
            return Optional.empty();
        }
        checkKeys(top, "", keys);
        Entry version = top.entries().get("version");
        if (version != null && !(version.value() instanceof YamlScalar v && "1".equals(v.text()))) {
            problem(version.value(), "version", "only version 1 exists; expected version: 1");
        }
        return Optional.of(top);
    }

    /** A mapping at {@code path}, or null (reported) when the value is something else; null for a missing entry. */
    /** Whether the file says {@code extends: shipped}; anything else under {@code extends} is a problem at its line. */
    boolean extendsShipped(YamlMap top) {
        Entry entry = top.entries().get("extends");
        if (entry == null) {
            return false;
        }
        if (entry.value() instanceof YamlScalar s && "shipped".equals(s.text())) {
            return true;
        }
        problem(
                entry.value(),
                "extends",
                "expected extends: shipped (the terms shipped with Bridle), found "
                        + entry.value().describe());
        return false;
    }

    YamlMap map(Entry entry, String path, String expected) {
        if (entry == null || (entry.value() instanceof YamlScalar s && s.isNull())) {
            return null;
        }
        if (entry.value() instanceof YamlMap map) {
            return map;
        }
        problem(
                entry.value(),
                path,
                "expected " + expected + ", found " + entry.value().describe());
        return null;
    }

    /** Whether {@code tag} is a lowercase language tag (reported when not). */
    boolean language(Entry entry, String path) {
        if (LANGUAGE_TAG.matcher(entry.key()).matches()) {
            return true;
        }
        problems.add(entry.keyLocation(), path, "not a language tag; expected a lowercase tag like en, de or pt-br");
        return false;
    }

    /**
     * Hands each text of a list to {@code add}, which reports its own problems; anything that is not a list of texts is
     * reported here.
     */
    void texts(Entry entry, String path, BiConsumer<YamlScalar, String> add) {
        if (entry == null || (entry.value() instanceof YamlScalar s && s.isNull())) {
            return;
        }
        if (!(entry.value() instanceof YamlList list)) {
            problem(
                    entry.value(),
                    path,
                    "expected a list of words or phrases, found "
                            + entry.value().describe());
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            YamlNode item = list.items().get(i);
            String at = path + "[" + i + "]";
            if (item instanceof YamlScalar s && !s.isNull() && !s.text().isBlank()) {
                add.accept(s, at);
            } else {
                problem(item, at, "expected a word or phrase, found " + item.describe());
            }
        }
    }

    void checkKeys(YamlMap map, String path, Set<String> known) {
        for (Entry entry : map.unknown(known)) {
            problems.add(
                    entry.keyLocation(),
                    DocPath.key(path, entry.key()),
                    "unknown key; expected one of " + known.stream().sorted().toList());
        }
    }

    void problem(YamlNode at, String path, String message) {
        problems.add(at == null ? Location.FILE : at.location(), path, message);
    }

    void problem(Optional<String> message, YamlNode at, String path) {
        message.ifPresent(m -> problem(at, path, m));
    }

    TermFileException failure() {
        return new TermFileException(kind, file, problems.inFileOrder());
    }

    static List<String> sorted(Set<String> keys) {
        return new ArrayList<>(keys).stream().sorted().toList();
    }
}
