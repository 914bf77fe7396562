package dev.bridle.internal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.Bridle;
import dev.bridle.OptOutKeywords;
import dev.bridle.OptOutKeywords.Classification;
import dev.bridle.internal.config.ConfigException;
import dev.bridle.internal.config.KeywordFileException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bridle keywords}: try a keyword file before using it. {@code test} classifies messages and names the rule that
 * fired; {@code check} validates the file.
 *
 * <pre>
 * $ bridle keywords test "STOP please" "stop by our booth"
 * OPT_OUT    en.opt_out.keyword:stop  "STOP please"
 * NONE       en.ordinary:stop by  "stop by our booth"
 * $ printf '"stpo"\n' | bridle keywords test --json
 * {"input":"stpo","class":"AMBIGUOUS","rule":"fuzzy:stpo~stop","language":"en","normalised":"stpo"}
 * </pre>
 *
 * Exit codes follow the {@code bridle} command's: 0 success, 2 a wrong command line, an input line that is not UTF-8
 * (never read with U+FFFD in place of its bytes) or, with {@code --json}, not a JSON string of text, 3 an invalid
 * keyword file (every problem on stderr with its file:line).
 */
@Command(
        name = "keywords",
        mixinStandardHelpOptions = true,
        subcommands = {KeywordsCommand.Test.class, KeywordsCommand.Check.class},
        description = "Try the opt-out keyword file: classify messages with it, or check it.")
public final class KeywordsCommand implements Callable<Integer> {

    /** Where the keyword file is unless {@code --keywords} says otherwise. */
    static final String DEFAULT_NAME = "optout-keywords.yaml";

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    static {
        JSON.getFactory().setCharacterEscapes(new InvisibleCharacterEscapes());
    }

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    /** Reads messages from {@link System#in}. */
    public KeywordsCommand() {
        this(System.in);
    }

    /** Reads messages from {@code stdin} (for tests and embedding). */
    public KeywordsCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE_ERROR;
    }

    /**
     * The {@code --keywords} option, shared by the subcommands. Unless it is given, the keyword file is the one the
     * configuration ({@code --config}) names under {@code optout.keywords}, so the command classifies as a run would;
     * when the configuration does not load (missing, or not ready yet), the file beside it, so that an operator can try
     * a keyword file before the rest of the configuration is ready.
     */
    static final class KeywordsOption {
        @Option(
                names = "--keywords",
                paramLabel = "FILE",
                description = "The keyword file (default: optout.keywords in the configuration file; when that does"
                        + " not load, " + DEFAULT_NAME
                        + " beside it, or the built-in keywords when that does not exist).")
        Path file;

        @CommandLine.Mixin
        ConfigOption config;

        /** The keywords, or a {@link KeywordFileException}; a missing default file means the built-in ones. */
        OptOutKeywords load(PrintWriter err) {
            if (file != null) {
                return OptOutKeywords.load(file);
            }
            OptOutKeywords configured = configured(err);
            if (configured != null) {
                if (configured.shipped()) {
                    err.println(
                            "(" + config.file() + " names no optout.keywords, so Bridle uses the built-in keywords)");
                }
                return configured;
            }
            Path beside = config.file().resolveSibling(DEFAULT_NAME);
            if (!Files.exists(beside)) {
                err.println("(" + beside + " not found; using the built-in keywords)");
                return OptOutKeywords.defaults();
            }
            return OptOutKeywords.load(beside);
        }

        /**
         * The keywords the configuration names, or {@code null} when it is missing or invalid (and then says so on
         * {@code err}).
         */
        private OptOutKeywords configured(PrintWriter err) {
            if (!Files.isRegularFile(config.file())) {
                return null;
            }
            Bridle.Builder loaded;
            try {
                loaded = Bridle.builder().config(config.file());
            } catch (ConfigException e) {
                err.println("(" + config.file() + " is not valid, so its optout.keywords is not read; bridle check"
                        + " says why)");
                return null;
            }
            return loaded.keywords();
        }
    }

    /** {@code bridle keywords test}. */
    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = {
                "Classify messages as OPT_OUT, OPT_IN, HELP, AMBIGUOUS or NONE and name the rule that fired.",
                "Messages are the arguments, or the lines of standard input when there are none (blank lines are skipped)."
            })
    static final class Test implements Callable<Integer> {

        @ParentCommand
        private KeywordsCommand parent;

        @Spec
        private CommandSpec spec;

        @CommandLine.Mixin
        private KeywordsOption keywords;

        @Option(
                names = "--json",
                description = {
                    "Write one JSON object per message, with input, class, rule, language" + " and normalised.",
                    "Lines of standard input must then be JSON strings, like \"STOP\"."
                })
        private boolean json;

        @Parameters(paramLabel = "MESSAGE", arity = "0..*", description = "Messages to classify.")
        private List<String> messages = List.of();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            OptOutKeywords matcher;
            try {
                matcher = keywords.load(err);
            } catch (KeywordFileException e) {
                err.println(e.getMessage());
                err.flush();
                return ExitCode.INVALID_CONFIG;
            }
            try {
                if (!messages.isEmpty()) {
                    messages.forEach(message -> print(out, message, matcher.classify(message)));
                    return ExitCode.OK;
                }
                return classifyLines(matcher, out, err);
            } finally {
                out.flush();
                err.flush();
            }
        }

        private int classifyLines(OptOutKeywords matcher, PrintWriter out, PrintWriter err) {
            InputLines lines = new InputLines(parent.stdin);
            try {
                String line;
                while ((line = lines.next()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String message = line;
                    if (json) {
                        message = jsonString(line);
                        if (message == null) {
                            return malformed(
                                    out,
                                    err,
                                    lines.number(),
                                    "expected a JSON string like \"STOP\", found: " + abbreviate(line));
                        }
                        String why = InputLines.unencodable(message);
                        if (why != null) {
                            return malformed(out, err, lines.number(), why);
                        }
                    }
                    print(out, message, matcher.classify(message));
                }
                return ExitCode.OK;
            } catch (InputLines.MalformedLineException e) {
                return malformed(out, err, e.line(), e.getMessage());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** What came before is printed; then where and why reading stops, with exit code 2. */
        private static int malformed(PrintWriter out, PrintWriter err, int line, String why) {
            out.flush();
            err.println("bridle keywords test: standard input line " + line + ": " + why);
            return ExitCode.USAGE_ERROR;
        }

        private static String jsonString(String line) {
            try {
                JsonNode node = JSON.readTree(line);
                return node != null && node.isTextual() ? node.textValue() : null;
            } catch (JsonProcessingException e) {
                return null;
            }
        }

        private void print(PrintWriter out, String message, Classification c) {
            if (json) {
                ObjectNode line = JSON.createObjectNode();
                line.put("input", message);
                line.put("class", c.messageClass().name());
                line.put("rule", c.rule());
                line.put("language", c.language());
                line.put("normalised", c.normalised());
                try {
                    out.println(JSON.writeValueAsString(line));
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("a tree of strings always serialises", e);
                }
            } else {
                out.println(String.format("%-9s  %s  %s", c.messageClass(), c.rule(), quote(message)));
            }
        }
    }

    /** {@code bridle keywords check}. */
    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description =
                    "Check the keyword file: exit 0 and say what it holds, or exit 3 with every problem and its line.")
    static final class Check implements Callable<Integer> {

        @Spec
        private CommandSpec spec;

        @CommandLine.Mixin
        private KeywordsOption keywords;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try {
                OptOutKeywords set = keywords.load(err);
                out.println(set.source() + ": ok (version " + set.version() + "): " + set.summary());
                return ExitCode.OK;
            } catch (KeywordFileException e) {
                err.println(e.getMessage());
                return ExitCode.INVALID_CONFIG;
            } finally {
                out.flush();
                err.flush();
            }
        }
    }

    /** The text in double quotes, with quotes, backslashes and invisible characters escaped so they show. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        text.codePoints().forEach(cp -> {
            if (cp == '"' || cp == '\\') {
                out.append('\\').appendCodePoint(cp);
            } else if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (isInvisible(cp)) {
                out.append(String.format("\\u%04X", cp));
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.append('"').toString();
    }

    /** JSON output escapes what cannot be seen (zero-width, bidi controls), so a reader sees the trick. */
    private static final class InvisibleCharacterEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private static final int[] ASCII = standardAsciiEscapesForJSON();

        @Override
        public int[] getEscapeCodesForAscii() {
            return ASCII;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Jackson passes UTF-16 units: the halves of an emoji pass through as they are.
            return !Character.isSurrogate((char) ch) && isInvisible(ch)
                    ? new SerializedString(String.format("\\u%04X", ch))
                    : null;
        }
    }

    private static boolean isInvisible(int cp) {
        int type = Character.getType(cp);
        return Character.isISOControl(cp)
                || type == Character.FORMAT
                || type == Character.UNASSIGNED
                || type == Character.SURROGATE
                || (Character.isWhitespace(cp) && cp != ' ');
    }

    private static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }
}
