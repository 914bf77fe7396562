package dev.bridle.internal.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.WatchCheck;
import dev.bridle.internal.config.TermFileException;
import dev.bridle.internal.config.TermFiles;
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
 * {@code bridle watch}: try the watch rules on search queries and stream rules before a bot registers them.
 *
 * <pre>
 * $ printf '%s\n' '#protest lang:de' 'from:alice' '"new phone" review' | bridle watch test
 * REFUSED  sensitive_event  protest*  "#protest lang:de"
 * REFUSED  profiling        from:alice  "from:alice"
 * ALLOWED  none             -  "\"new phone\" review"
 * $ echo '"lang:en"' | bridle watch test --json
 * {"query":"lang:en","verdict":"REFUSED","category":"measurement","reason":"SERVICE_MEASUREMENT","rule":"…","terms":[…]}
 * </pre>
 *
 * A query that is not valid X syntax (an unbalanced parenthesis or quote, an unknown operator), or with {@code --json}
 * a line that is not a JSON string, gets an error line in its place and the exit code 2; 3 is a term file that cannot
 * be used.
 */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        subcommands = {WatchCommand.Test.class},
        description = "Try the watch rules on search queries and stream rules.")
public final class WatchCommand implements Callable<Integer> {

    private final InputStream stdin;

    @Spec
    private CommandSpec spec;

    /** Reads queries from {@link System#in}. */
    public WatchCommand() {
        this(System.in);
    }

    /** Reads queries from {@code stdin} (for tests and embedding). */
    public WatchCommand(InputStream stdin) {
        this.stdin = stdin;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCode.USAGE_ERROR;
    }

    /** {@code bridle watch test}. */
    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = {
                "Judge queries, one per line of standard input (blank lines are skipped).",
                "Prints REFUSED or ALLOWED, the category (sensitive_event, sensitive_group, profiling, measurement or"
                        + " none) and what decided."
            })
    static final class Test implements Callable<Integer> {

        @ParentCommand
        private WatchCommand parent;

        @Spec
        private CommandSpec spec;

        @Option(
                names = "--terms",
                paramLabel = "FILE",
                description =
                        "The watch term file (default: the configuration's recognisers.watchTerms, else watch-terms.yaml"
                                + " beside it when it exists, else the built-in one).")
        private Path terms;

        @CommandLine.Mixin
        private ConfigOption config;

        @Option(
                names = "--sensitive-terms",
                paramLabel = "FILE",
                description = "The sensitive-category term file, for accounts combined with restricted-category words"
                        + " (default: the configuration's recognisers.sensitiveTerms, else sensitive-terms.yaml beside it"
                        + " when it exists, else the built-in one).")
        private Path sensitiveTerms;

        @Option(
                names = "--json",
                description = "Read one JSON string per line and write one object per line with query, verdict,"
                        + " category, reason, rule and terms.")
        private boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            WatchCheck check;
            try {
                TermFiles configured = terms != null && sensitiveTerms != null ? null : config.termFiles(err);
                Path file = terms != null ? terms : configured.watchTerms();
                Path sensitive = sensitiveTerms != null ? sensitiveTerms : configured.sensitiveTerms();
                check = file == null && sensitive == null ? WatchCheck.defaults() : WatchCheck.load(file, sensitive);
            } catch (TermFileException e) {
                err.println(e.getMessage());
                err.flush();
                return ExitCode.INVALID_CONFIG;
            }
            return TestLines.run(parent.stdin, json, out, line -> judge(check, line));
        }

        private Object judge(WatchCheck check, String line) throws TestLines.BadLine {
            String query = line;
            if (json) {
                JsonNode node = TestLines.parse(line, "a JSON string like \"#protest lang:de\"");
                if (!node.isTextual()) {
                    throw new TestLines.BadLine(
                            "expected a JSON string like \"#protest lang:de\", found: " + TestLines.abbreviate(line));
                }
                query = TestLines.text(node.textValue());
            }
            WatchCheck.Verdict v;
            try {
                v = check.classify(query);
            } catch (IllegalArgumentException e) {
                throw new TestLines.BadLine("not a valid X query: " + e.getMessage());
            }
            if (!json) {
                return String.format(
                        "%-8s %-16s %s  %s",
                        v.verdict(),
                        v.category(),
                        v.terms().isEmpty() ? "-" : String.join(",", v.terms()),
                        KeywordsCommand.quote(query));
            }
            ObjectNode out = TestLines.JSON.createObjectNode();
            out.put("query", query);
            out.put("verdict", v.verdict());
            out.put("category", v.category());
            out.put("reason", v.reasonCode());
            out.put("rule", v.rule());
            ArrayNode list = out.putArray("terms");
            v.terms().forEach(list::add);
            return out;
        }
    }
}
