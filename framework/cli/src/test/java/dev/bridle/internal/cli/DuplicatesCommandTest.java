package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class DuplicatesCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    int run(byte[] stdin, String... args) {
        CommandLine line = new CommandLine(new DuplicatesCommand(new ByteArrayInputStream(stdin)));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void comparesTabSeparatedPairsFromStandardInput() {
        int code = run(
                "Big sale today!\tBIG SALE TODAY 🔥\n"
                        + "Acme 2.4.0 is out: offline editing\tＡｃｍｅ 2.4.0 is out: offline editing, finally\n"
                        + "\n"
                        + "Storm warning for Boston until 9 PM\tStorm warning for Denver until 7 PM\n",
                "compare");

        assertThat(code).isZero();
        assertThat(out.toString().lines()).containsExactly("DUPLICATE 1.00 exact", "DUPLICATE 0.87", "DISTINCT 0.35");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void extraColumnsAreIgnoredSoTheCorpusCanBeReadAsItIs() {
        assertThat(run("a b c\ta b c\tDUPLICATE\texact\n", "compare")).isZero();
        assertThat(out.toString()).isEqualTo("DUPLICATE 1.00 exact\n");
    }

    @Test
    void printsJsonObjectsForJsonArrays() {
        int code = run(
                "[\"Thanks for the mention, @ann!\", \"Thanks for the mention, @bob!\"]\n"
                        + "[\"one fish\", \"two fish\"]\n",
                "compare",
                "--json");

        assertThat(code).isZero();
        assertThat(out.toString().lines())
                .containsExactly(
                        "{\"verdict\":\"DUPLICATE\",\"score\":1.0,\"exact\":false}",
                        "{\"verdict\":\"DISTINCT\",\"score\":0.3333,\"exact\":false}");
    }

    @Test
    void aLineWithoutATabIsAnErrorNamingItsNumber() {
        int code = run("same words\tSame words\nno tab here\nc\td\n", "compare");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString()).isEqualTo("DUPLICATE 1.00 exact\n");
        assertThat(err.toString())
                .isEqualTo("bridle duplicates compare: line 2: expected two texts separated by a TAB, found no TAB\n");
    }

    @Test
    void aJsonLineThatIsNotTwoStringsIsAnErrorNamingItsNumber() {
        assertThat(run("[\"a\", \"b\"]\n[\"only one\"]\n", "compare", "--json")).isEqualTo(2);
        assertThat(err.toString()).contains("line 2: expected a JSON array of two strings");

        err.getBuffer().setLength(0);
        assertThat(run("{not json\n", "compare", "--json")).isEqualTo(2);
        assertThat(err.toString()).startsWith("bridle duplicates compare: line 1: not valid JSON");
    }

    @Test
    void readsAFileAndNamesItInErrors(@TempDir Path dir) throws Exception {
        Path pairs = dir.resolve("pairs.tsv");
        Files.writeString(pairs, "x y\tx y\nbroken\n");

        assertThat(run("", "compare", pairs.toString())).isEqualTo(2);
        assertThat(out.toString()).isEqualTo("DUPLICATE 1.00 exact\n");
        assertThat(err.toString()).contains(pairs + ": line 2:");

        err.getBuffer().setLength(0);
        assertThat(run("", "compare", dir.resolve("missing.tsv").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no such file");
    }

    /** A byte 0xFF in a line. */
    private static byte[] withInvalidByte(String before, String after) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[a.length + 1 + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        all[a.length] = (byte) 0xFF;
        System.arraycopy(b, 0, all, a.length + 1, b.length);
        return all;
    }

    /** Files.newBufferedReader threw MalformedInputException out of the loop: "Input length = 1", exit 1, no line. */
    @Test
    void aFileLineThatIsNotUtf8IsNamedWithExitCode2(@TempDir Path dir) throws Exception {
        Path pairs = dir.resolve("pairs.tsv");
        Files.write(pairs, withInvalidByte("x y\tx y\nsale caf", "\tsale\nc\td\n"));

        assertThat(run("", "compare", pairs.toString())).isEqualTo(2);
        assertThat(out.toString()).isEqualTo("DUPLICATE 1.00 exact\n");
        assertThat(err.toString())
                .isEqualTo("bridle duplicates compare: " + pairs + ": line 2: not UTF-8 (byte 0xFF at"
                        + " column 9); expected UTF-8 text\n");
    }

    /** InputStreamReader read standard input with U+FFFD in place of the bad bytes, and compared the damaged text. */
    @Test
    void aStandardInputLineThatIsNotUtf8IsNamedNotReplaced() {
        assertThat(run(
                        withInvalidByte("Acme 2.4.0 is out\tAcme 2.4.0 is out\n\u00e9t\u00e9 \u2014 ", "\tsummer\n"),
                        "compare"))
                .isEqualTo(2);

        assertThat(out.toString()).isEqualTo("DUPLICATE 1.00 exact\n");
        assertThat(err.toString())
                .isEqualTo("bridle duplicates compare: line 2: not UTF-8 (byte 0xFF at column 7);"
                        + " expected UTF-8 text\n");
    }

    /** A JSON escape for half a surrogate pair decoded to no character, and was compared as if it were text. */
    @Test
    void aJsonPairWithHalfASurrogatePairIsMalformed() {
        assertThat(run("[\"ok\", \"ok\"]\n[\"a \\ud83d b\", \"a b\"]\n", "compare", "--json"))
                .isEqualTo(2);

        assertThat(err.toString())
                .isEqualTo("bridle duplicates compare: line 2: the first text: \\uD83D at character 3"
                        + " is half of a surrogate pair, not a character; expected text\n");
    }

    @Test
    void aLineLongerThanAMegabyteIsMalformedWithoutFillingMemory() {
        assertThat(run("a\tb\n" + "x".repeat((1 << 20) + 1) + "\tx\n", "compare"))
                .isEqualTo(2);

        assertThat(err.toString())
                .isEqualTo("bridle duplicates compare: line 2: longer than 1048576 bytes; expected"
                        + " one text per line\n");
    }

    @Test
    void windowsAndOldMacLineEndsAreLineEnds() {
        assertThat(run("a b\ta b\r\nc d\tc d\re f\te f\n", "compare")).isZero();
        assertThat(out.toString().lines())
                .containsExactly("DUPLICATE 1.00 exact", "DUPLICATE 1.00 exact", "DUPLICATE 1.00 exact");
    }

    @Test
    void theThresholdCanBeChangedButNotToNonsense() {
        assertThat(run(
                        "Storm warning for Boston until 9 PM\tStorm warning for Denver until 7 PM\n",
                        "compare",
                        "--threshold",
                        "0.2"))
                .isZero();
        assertThat(out.toString()).startsWith("DUPLICATE");

        assertThat(run("a\tb\n", "compare", "--threshold", "1.5")).isEqualTo(2);
        assertThat(err.toString()).contains("--threshold must be above 0 and at most 1");
    }

    @Test
    void theConfiguredThresholdJudgesUnlessTheCommandLineGivesOne(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("bridle.yaml"), """
                environment: dev
                app: { name: acme-bots-dev, purpose: test }
                duplicates: { threshold: 0.3 }
                """);
        String pair = "Storm warning for Boston until 9 PM\tStorm warning for Denver until 7 PM\n";

        assertThat(run(pair, "compare", "--config", config.toString())).isZero();
        assertThat(run(pair, "compare", "--config", config.toString(), "--threshold", "0.85"))
                .isZero();

        assertThat(out.toString().lines()).containsExactly("DUPLICATE 0.35", "DISTINCT 0.35");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anInvalidConfigurationFallsBackToTheDefaultThresholdAndSaysSo(@TempDir Path dir) throws Exception {
        Path config = Files.writeString(dir.resolve("bridle.yaml"), "environment: dev\nduplicates: { threshold: 3 }\n");

        assertThat(run("a\tb\n", "compare", "--config", config.toString())).isZero();

        assertThat(err.toString()).contains(config + " is not valid, so the default threshold 0.85 is used");
    }
}
