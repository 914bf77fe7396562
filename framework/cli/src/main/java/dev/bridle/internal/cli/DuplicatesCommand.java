package dev.bridle.internal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.Bridle;
import dev.bridle.DuplicateCheck;
import dev.bridle.config.Duplicates;
import dev.bridle.internal.config.ConfigException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bridle duplicates}: explains duplicate detection. {@code compare} reads pairs of texts and prints, per pair,
 * whether Bridle would count them as duplicates and how alike they are, so an operator can see why a post was denied,
 * or check a template before using it. Texts are judged with the configured {@code duplicates.threshold} (from
 * {@code --config}, when that file exists), unless {@code --threshold} gives another.
 *
 * <pre>
 * $ printf 'Big sale today!\tBIG SALE TODAY 🔥\n' | bridle duplicates compare
 * DUPLICATE 1.00 exact
 * $ bridle duplicates compare --json pairs.jsonl
 * {"verdict":"DISTINCT","score":0.4211,"exact":false}
 * </pre>
 *
 * Exit codes: 0 all pairs compared; 2 a malformed line (not a pair, or not UTF-8 text: its number is named on stderr,
 * never read with U+FFFD in place of its bytes), a missing file or a bad option.
 */
@Command(
        name = "duplicates",
        mixinStandardHelpOptions = true,
        subcommands = {DuplicatesCommand.Compare.class, CommandLine.HelpCommand.class},
        description = "Explain duplicate-content detection: what counts as a duplicate, and how alike two texts are.")
public final class DuplicatesCommand {

    private final InputStream stdin;

    /** Reads standard input. */
    public DuplicatesCommand() {
        this(System.in);
    }

    /** Reads {@code stdin} where standard input is meant: for tests and embedding. */
    public DuplicatesCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    /** {@code bridle duplicates compare}. */
    @Command(
            name = "compare",
            mixinStandardHelpOptions = true,
            description = {
                "Compare pairs of texts the way the duplicates guard does.",
                "Input: one pair per line, the two texts separated by a TAB (further TAB-separated",
                "columns are ignored, so the labelled corpus can be read as it is), or with --json",
                "a JSON array of two strings per line. Blank lines are skipped.",
                "Output, one line per pair: DUPLICATE or DISTINCT, the score from 0 to 1, and",
                "'exact' when the normalised texts are identical; with --json an object",
                "{\"verdict\", \"score\", \"exact\"}."
            },
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:every pair was compared",
                "1:the input could not be read",
                "2:a malformed line (not a pair, or not UTF-8 text; its number is on stderr), a missing file or a bad option"
            })
    static final class Compare implements Callable<Integer> {

        @ParentCommand
        private DuplicatesCommand parent;

        @Spec
        private CommandSpec spec;

        @picocli.CommandLine.Mixin
        private ConfigOption config;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "the pairs; standard input when absent or '-'")
        private String file;

        @Option(names = "--json", description = "read JSON arrays [\"a\", \"b\"] and print JSON objects")
        private boolean json;

        @Option(
                names = "--threshold",
                paramLabel = "SCORE",
                description = {
                    "the near-duplicate threshold, above 0 and at most 1 (default: duplicates.threshold in",
                    "the configuration file when there is one, else " + Duplicates.DEFAULT_THRESHOLD + ")"
                })
        private Double thresholdOption;

        private final ObjectMapper mapper = new ObjectMapper();

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (thresholdOption != null && !(thresholdOption > 0 && thresholdOption <= 1)) {
                err.println(
                        "bridle duplicates compare: --threshold must be above 0 and at most 1, not " + thresholdOption);
                err.flush();
                return ExitCode.USAGE_ERROR;
            }
            DuplicateCheck duplicates =
                    thresholdOption != null ? DuplicateCheck.withThreshold(thresholdOption) : configured(err);
            try (InputLines in = open()) {
                String line;
                while ((line = in.next()) != null) {
                    if (line.isBlank()) {
                        continue;
                    }
                    String[] pair;
                    try {
                        pair = json ? jsonPair(line) : tabPair(line);
                    } catch (IllegalArgumentException e) {
                        return malformed(out, err, in.number(), e.getMessage());
                    }
                    out.println(format(duplicates.compare(pair[0], pair[1])));
                }
                out.flush();
                return ExitCode.OK;
            } catch (InputLines.MalformedLineException e) {
                return malformed(out, err, e.line(), e.getMessage());
            } catch (NoSuchFileException e) {
                err.println("bridle duplicates compare: no such file: " + file);
                err.flush();
                return ExitCode.USAGE_ERROR;
            } catch (IOException e) {
                err.println("bridle duplicates compare: cannot read " + (file == null ? "standard input" : file) + ": "
                        + e.getMessage());
                err.flush();
                return ExitCode.RUNTIME_FAILURE;
            }
        }

        /** A line that is not a pair: what came before it is printed, then where and why it stops, exit code 2. */
        private int malformed(PrintWriter out, PrintWriter err, int line, String why) {
            out.flush();
            err.println("bridle duplicates compare: " + where() + "line " + line + ": " + why);
            err.flush();
            return ExitCode.USAGE_ERROR;
        }

        /**
         * Detection with the configured threshold, so that pairs are judged as the running guard judges them; the
         * default when there is no configuration file, or (said on {@code err}) when it is invalid.
         */
        private DuplicateCheck configured(PrintWriter err) {
            if (!Files.isRegularFile(config.file())) {
                return DuplicateCheck.defaults();
            }
            try {
                return Bridle.builder().config(config.file()).duplicateCheck();
            } catch (ConfigException e) {
                err.println("(" + config.file() + " is not valid, so the default threshold "
                        + Duplicates.DEFAULT_THRESHOLD + " is used; bridle check says why)");
                err.flush();
                return DuplicateCheck.defaults();
            }
        }

        private InputLines open() throws IOException {
            if (file == null || file.equals("-")) {
                return new InputLines(parent.stdin);
            }
            return new InputLines(Files.newInputStream(Path.of(file)));
        }

        private String where() {
            return file == null || file.equals("-") ? "" : file + ": ";
        }

        private static String[] tabPair(String line) {
            String[] fields = line.split("\t", -1);
            if (fields.length < 2) {
                throw new IllegalArgumentException("expected two texts separated by a TAB, found no TAB");
            }
            return new String[] {fields[0], fields[1]};
        }

        private String[] jsonPair(String line) {
            JsonNode node;
            try {
                node = mapper.readTree(line);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage());
            }
            if (node == null
                    || !node.isArray()
                    || node.size() != 2
                    || !node.get(0).isTextual()
                    || !node.get(1).isTextual()) {
                throw new IllegalArgumentException(
                        "expected a JSON array of two strings, like [\"first text\", \"second text\"]");
            }
            String[] pair = {node.get(0).textValue(), node.get(1).textValue()};
            for (int i = 0; i < pair.length; i++) {
                String why = InputLines.unencodable(pair[i]);
                if (why != null) {
                    throw new IllegalArgumentException((i == 0 ? "the first text: " : "the second text: ") + why);
                }
            }
            return pair;
        }

        /** Scores are cut, not rounded, so a DISTINCT just under the threshold never shows the threshold. */
        private String format(DuplicateCheck.Comparison c) {
            if (json) {
                ObjectNode o = mapper.createObjectNode();
                o.put("verdict", c.verdict());
                o.put("score", Math.floor(c.score() * 10_000) / 10_000.0);
                o.put("exact", c.exact());
                return o.toString();
            }
            return String.format(
                    Locale.ROOT,
                    "%s %.2f%s",
                    c.verdict(),
                    Math.floor(c.score() * 100) / 100.0,
                    c.exact() ? " exact" : "");
        }
    }
}
