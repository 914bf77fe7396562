package dev.bridle.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.FactCheck;
import dev.bridle.internal.config.TermFileException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code bridle facts}: try the sensitive-category check on facts before a bot stores them.
 *
 * <pre>
 * $ printf 'diagnosis: type 2\nfavourite team=Union Berlin\n' | bridle facts test
 * REFUSED  health     key:diagnos*  "diagnosis: type 2"
 * ALLOWED  none       -  "favourite team=Union Berlin"
 * $ echo '{"key":"note","value":"arrested in 2019"}' | bridle facts test --json
 * {"key":"note","value":"arrested in 2019","verdict":"REFUSED","category":"crime","rule":"X developer terms, …","terms":["arrested"]}
 * </pre>
 *
 * A plain line is {@code key: value} or {@code key=value}: the key ends at the first {@code :} or {@code =}, and both
 * are trimmed. A line that is neither (or, with {@code --json}, not an object with text {@code key} and {@code value})
 * gets an error line in its place and the exit code 2; 3 is a term file that cannot be used.
 */
@Command(
        name = "facts",
        mixinStandardHelpOptions = true,
        subcommands = {FactsCommand.Test.class},
        description = "Try the sensitive-category check on facts about people.")
public final class FactsCommand implements Callable<Integer> {

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    /** Reads facts from {@link System#in}. */
    public FactsCommand() {
        this(System.in);
    }

    /** Reads facts from {@code stdin} (for tests and embedding). */
    public FactsCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE_ERROR;
    }

    /** {@code bridle facts test}. */
    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = {
                "Judge facts, one per line of standard input: key: value or key=value (blank lines are skipped).",
                "Prints REFUSED or ALLOWED, the category (health, financial, political, ethnic, religious, sexual,"
                        + " union, crime or none) and the terms that decided."
            })
    static final class Test implements Callable<Integer> {

        @ParentCommand
        private FactsCommand parent;

        @Spec
        private CommandSpec spec;

        @Option(
                names = "--terms",
                paramLabel = "FILE",
                description =
                        "The sensitive-category term file (default: the configuration's recognisers.sensitiveTerms, else"
                                + " sensitive-terms.yaml beside it when it exists, else the built-in one).")
        private Path terms;

        @CommandLine.Mixin
        private ConfigOption config;

        @Option(
                names = "--json",
                description = {
                    "Read one JSON object {\"key\": ..., \"value\": ...} per line and write one object per line with"
                            + " key, value, verdict, category, rule and terms."
                })
        private boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            FactCheck check;
            try {
                Path file = terms != null ? terms : config.termFiles(err).sensitiveTerms();
                check = file == null ? FactCheck.defaults() : FactCheck.load(file);
            } catch (TermFileException e) {
                err.println(e.getMessage());
                err.flush();
                return ExitCode.INVALID_CONFIG;
            }
            return TestLines.run(parent.stdin, json, out, line -> judge(check, line));
        }

        private Object judge(FactCheck check, String line) throws TestLines.BadLine {
            String key;
            String value;
            if (json) {
                JsonNode node = TestLines.parse(line, "an object like {\"key\": \"diagnosis\", \"value\": \"flu\"}");
                JsonNode k = node.get("key");
                JsonNode v = node.get("value");
                if (!node.isObject() || k == null || !k.isTextual() || v == null || !v.isTextual()) {
                    throw new TestLines.BadLine(
                            "expected an object with text \"key\" and \"value\", found: " + TestLines.abbreviate(line));
                }
                key = TestLines.text(k.textValue());
                value = TestLines.text(v.textValue());
            } else {
                int colon = line.indexOf(':');
                int equals = line.indexOf('=');
                int at = colon < 0 ? equals : equals < 0 ? colon : Math.min(colon, equals);
                if (at < 0) {
                    throw new TestLines.BadLine(
                            "expected key: value or key=value, found: " + TestLines.abbreviate(line));
                }
                key = line.substring(0, at).strip();
                value = line.substring(at + 1).strip();
            }
            if (key.isBlank()) {
                throw new TestLines.BadLine("the key is empty; expected key: value or key=value");
            }
            FactCheck.Verdict v = check.classify(key, value);
            if (!json) {
                return String.format(
                        "%-8s %-10s %s  %s",
                        v.verdict(),
                        v.category(),
                        v.terms().isEmpty() ? "-" : String.join(",", v.terms()),
                        KeywordsCommand.quote(line));
            }
            ObjectNode out = TestLines.JSON.createObjectNode();
            out.put("key", key);
            out.put("value", value);
            out.put("verdict", v.verdict());
            out.put("category", v.category());
            out.put("rule", v.rule());
            ArrayNode list = out.putArray("terms");
            v.terms().forEach(list::add);
            return out;
        }
    }
}
