package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code bridle keywords} run as a user would, through picocli; what it prints is compared with golden files. Run with
 * {@code -Dbridle.golden.update=true} to rewrite them after a deliberate change, and review the diff.
 */
class KeywordsCommandTest {

    private static final Path GOLDEN_SOURCES = Path.of("src/test/resources/dev/bridle/internal/cli");

    private static String shipped;

    /** A keyword file whose only opt-out word is HALT. */
    private static final String ONLY_HALT = """
            languages:
              en:
                opt_out: [halt]
                opt_in: [start]
                replies:
                  opt_out: "Unsubscribed. Reply START to opt back in."
                  opt_in: "Subscribed."
                  help: "Reply HALT to stop."
                  ambiguous: "Reply HALT to confirm."
            """;

    record Run(int exitCode, String out, String err) {}

    @BeforeAll
    static void findShippedFile() {
        // the one copy the jar's resource is made from; from this module the resource is inside core's jar
        shipped = Path.of("../../config/optout-keywords.yaml")
                .toAbsolutePath()
                .normalize()
                .toString();
    }

    /** The test harness: the command as {@code bridle keywords} runs it, with its own stdin, stdout and stderr. */
    static Run run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Run run(byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = new CommandLine(new KeywordsCommand(new ByteArrayInputStream(stdin)));
        command.setOut(new PrintWriter(out));
        command.setErr(new PrintWriter(err));
        int exitCode = command.execute(args);
        return new Run(exitCode, out.toString(), err.toString());
    }

    @Test
    void classifiesArguments() {
        Run run = run("", "test", "--keywords", shipped, "STOP please", "stop by our booth", "stpo");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).isEqualTo("""
                OPT_OUT    en.opt_out.keyword:stop  "STOP please"
                NONE       en.ordinary:stop by  "stop by our booth"
                AMBIGUOUS  fuzzy:stpo~stop  "stpo"
                """);
        assertThat(run.err()).isEmpty();
    }

    @Test
    void classifiesStandardInputLineByLine() throws IOException {
        Run run = run(resource("keywords-test.input.txt"), "test", "--keywords", shipped);

        assertThat(run.exitCode()).isZero();
        assertGolden(run.out(), "keywords-test.golden.txt");
    }

    @Test
    void readsAndWritesJsonLines() throws IOException {
        Run run = run(resource("keywords-test.input.jsonl"), "test", "--json", "--keywords", shipped);

        assertThat(run.exitCode()).isZero();
        assertGolden(run.out(), "keywords-test.golden.jsonl");
    }

    @Test
    void jsonArgumentsAreMessagesAsTyped() {
        Run run = run("", "test", "--json", "--keywords", shipped, "STOP");

        assertThat(run.out())
                .isEqualTo("{\"input\":\"STOP\",\"class\":\"OPT_OUT\",\"rule\":\"en.opt_out.keyword:stop\","
                        + "\"language\":\"en\",\"normalised\":\"stop\"}" + System.lineSeparator());
    }

    @Test
    void aJsonLineThatIsNotAStringStopsWithExitCode2AndSaysWhichLine() {
        Run run = run("\"STOP\"\n\n{\"text\":\"STOP\"}\n\"START\"\n", "test", "--json", "--keywords", shipped);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).contains("\"class\":\"OPT_OUT\"").doesNotContain("START");
        assertThat(run.err())
                .isEqualTo("bridle keywords test: standard input line 3: expected a JSON string like \"STOP\","
                        + " found: {\"text\":\"STOP\"}" + System.lineSeparator());
    }

    /**
     * InputStreamReader read standard input with U+FFFD in place of the bad bytes: "ST\uFFFDOP" was classified NONE.
     */
    @Test
    void aStandardInputLineThatIsNotUtf8IsRefusedWithItsNumberNotReplaced() {
        byte[] input = {'S', 'T', 'A', 'R', 'T', '\n', 'S', 'T', (byte) 0xC3, 'O', 'P', '\n'};

        Run run = run(input, "test", "--keywords", shipped);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).startsWith("OPT_IN").doesNotContain("\uFFFD");
        assertThat(run.err())
                .isEqualTo("bridle keywords test: standard input line 2: not UTF-8 (byte 0xC3 at column 3);"
                        + " expected UTF-8 text" + System.lineSeparator());
    }

    /** A JSON escape for half a surrogate pair was classified, and printed back as "?STOP". */
    @Test
    void aJsonStringWithHalfASurrogatePairIsRefusedNotPrintedAsAQuestionMark() {
        Run run = run("\"\\ud800STOP\"\n", "test", "--json", "--keywords", shipped);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .isEqualTo("bridle keywords test: standard input line 1: \\uD800 at character 1 is half of"
                        + " a surrogate pair, not a character; expected text" + System.lineSeparator());
    }

    /**
     * The JVM reads arguments with U+FFFD in place of bytes it cannot decode, and the damaged message was classified.
     */
    @Test
    void anArgumentThatArrivedWithReplacedBytesIsAUsageErrorNamingIt() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = BridleCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));

        int code = line.execute("keywords", "test", "--keywords", shipped, "START", "ST\uFFFDOP");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString())
                .startsWith("argument 6 (\"ST\uFFFDOP\") is not " + System.getProperty("sun.jnu.encoding", "UTF-8")
                        + " text: U+FFFD stands where its bytes could not be read;")
                .contains("Try 'bridle keywords test --help'");
    }

    @Test
    void anUnquotedJsonLineIsAnError() {
        Run run = run("STOP\n", "test", "--json", "--keywords", shipped);

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("line 1");
    }

    @Test
    void anInvalidKeywordFileExitsWith3AndListsEveryProblemWithItsLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("keywords.yaml");
        Files.writeString(file, resource("invalid-keywords.yaml"));

        Run run = run("", "test", "--keywords", file.toString(), "STOP");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.out()).isEmpty();
        assertGolden(run.err().replace(file.toString(), "<file>"), "invalid-keywords.golden.txt");
    }

    @Test
    void aMissingKeywordFileGivenOnTheCommandLineExitsWith3(@TempDir Path dir) {
        Run run = run("", "test", "--keywords", dir.resolve("nope.yaml").toString(), "STOP");

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains("nope.yaml: no such file");
    }

    @Test
    void checkSaysWhatTheFileHolds() {
        Run run = run("", "check", "--keywords", shipped);

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains(": ok (version ").contains("6 languages (en, es, fr, de, pt, it)");
    }

    @Test
    void checkOfAnInvalidFileExitsWith3(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("k.yaml");
        Files.writeString(file, "languages:\n  en:\n    opt_out: [stop\n");

        Run run = run("", "check", "--keywords", file.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err()).contains(file + ":3:19: not valid YAML: expected ',' or ']'");
    }

    /** The keyword file was read whole and parsed, whatever its size, as the configuration was. */
    @Test
    void checkRefusesAnOversizedKeywordFileAtOnceNamingItsSizeAndTheCap(@TempDir Path dir) throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, ONLY_HALT + "# " + "x".repeat(8 << 20) + "\n");

        Run run = run("", "check", "--keywords", big.toString());

        assertThat(run.exitCode()).isEqualTo(3);
        assertThat(run.err())
                .contains(big + ": is " + Files.size(big) + " bytes, over the limit of 1048576 bytes (1 MiB)"
                        + " for a keyword file");
    }

    /** The same cap holds when the configuration names the keyword file: bridle check refuses it with exit 3. */
    @Test
    void aConfigurationNamingAnOversizedKeywordFileIsInvalid(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("big.yaml"), ONLY_HALT + "# " + "x".repeat(2 << 20) + "\n");
        Path config = dir.resolve("bridle.yaml");
        Files.writeString(
                config,
                "environment: dev\napp: { name: acme-bots-dev, purpose: test }\n" + "optout: { keywords: big.yaml }\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine line = BridleCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));

        assertThat(line.execute("check", "--config", config.toString())).isEqualTo(3);
        assertThat(err.toString()).contains("over the limit of 1048576 bytes (1 MiB) for a keyword file");
    }

    @Test
    void theKeywordFileTheConfigurationNamesIsTheOneUsed(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("words"));
        Files.writeString(dir.resolve("words/mine.yaml"), ONLY_HALT);
        Files.writeString(dir.resolve(KeywordsCommand.DEFAULT_NAME), "not: [a keyword file");
        Path config = Files.writeString(dir.resolve("bridle.yaml"), """
                environment: dev
                app: { name: acme-bots-dev, purpose: test }
                optout: { keywords: words/mine.yaml }
                """);

        Run run = run("", "test", "--config", config.toString(), "HALT", "STOP");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("OPT_OUT    en.opt_out.keyword:halt").contains("NONE");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aConfigurationNamingNoKeywordFileMeansTheBuiltInKeywords(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(KeywordsCommand.DEFAULT_NAME), ONLY_HALT);
        Path config = Files.writeString(
                dir.resolve("bridle.yaml"), "environment: dev\napp: { name: acme-bots-dev, purpose: test }\n");

        Run run = run("", "test", "--config", config.toString(), "STOP");

        assertThat(run.out()).startsWith("OPT_OUT    en.opt_out.keyword:stop");
        assertThat(run.err()).contains("names no optout.keywords, so Bridle uses the built-in keywords");
    }

    @Test
    void anInvalidConfigurationMeansTheFileBesideIt(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve(KeywordsCommand.DEFAULT_NAME), ONLY_HALT);
        Path config = Files.writeString(dir.resolve("bridle.yaml"), "environment: dev\n");

        Run run = run("", "test", "--config", config.toString(), "HALT");

        assertThat(run.out()).startsWith("OPT_OUT    en.opt_out.keyword:halt");
        assertThat(run.err()).contains("is not valid, so its optout.keywords is not read");
    }

    @Test
    void theCommandLineFileWinsOverTheConfiguration(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("mine.yaml"), ONLY_HALT);
        Path config = Files.writeString(dir.resolve("bridle.yaml"), """
                environment: dev
                app: { name: acme-bots-dev, purpose: test }
                optout: { keywords: mine.yaml }
                """);

        Run run = run("", "test", "--config", config.toString(), "--keywords", shipped, "STOP");

        assertThat(run.out()).startsWith("OPT_OUT    en.opt_out.keyword:stop");
    }

    @Test
    void withoutASubcommandItPrintsUsageAndExitsWith2() {
        Run run = run("");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Usage: keywords").contains("test").contains("check");
    }

    @Test
    void quotingShowsInvisibleCharacters() {
        assertThat(KeywordsCommand.quote("S\u200BTOP \"x\"\n")).isEqualTo("\"S\\u200BTOP \\\"x\\\"\\n\"");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KeywordsCommandTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void assertGolden(String actual, String golden) throws IOException {
        String normalised = actual.replace(System.lineSeparator(), "\n");
        if (Boolean.getBoolean("bridle.golden.update")) {
            Files.writeString(GOLDEN_SOURCES.resolve(golden), normalised);
        }
        assertThat(normalised).isEqualTo(resource(golden));
    }
}
