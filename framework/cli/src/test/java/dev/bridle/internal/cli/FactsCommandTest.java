package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class FactsCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String stdin, String... args) {
        return run(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    int run(byte[] stdin, String... args) {
        CommandLine line = new CommandLine(new FactsCommand(new ByteArrayInputStream(stdin)));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void judgesOneFactPerLineInEitherSeparator() {
        int code = run("diagnosis: type 2\nfavourite team=Union Berlin\n\nnote: arrested in 2019\n", "test");

        assertThat(code).isZero();
        assertThat(out.toString().lines())
                .containsExactly(
                        "REFUSED  health     key:diagnos*  \"diagnosis: type 2\"",
                        "ALLOWED  none       -  \"favourite team=Union Berlin\"",
                        "REFUSED  crime      arrested  \"note: arrested in 2019\"");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void jsonLinesGiveVerdictCategoryRuleAndTerms() throws Exception {
        int code = run(
                "{\"key\":\"note\",\"value\":\"ＤＩＡＢＥＴＩＣ since 2010\"}\n{\"key\":\"job\",\"value\":\"works at a bank\"}\n",
                "test",
                "--json");

        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("verdict").asText()).isEqualTo("REFUSED");
        assertThat(first.get("category").asText()).isEqualTo("health");
        assertThat(first.get("rule").asText()).contains("health (including pregnancy)");
        assertThat(first.get("terms").get(0).asText()).isEqualTo("diabet*");
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("verdict").asText()).isEqualTo("ALLOWED");
        assertThat(second.get("category").asText()).isEqualTo("none");
        assertThat(second.get("terms")).isEmpty();
    }

    @Test
    void aBadLineGetsAnErrorLineInItsPlaceAndTheRestAreStillJudged() {
        int code = run("no separator here\n: empty key\nreligion: none\n", "test");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString().lines())
                .containsExactly(
                        "ERROR    line 1: expected key: value or key=value, found: no separator here",
                        "ERROR    line 2: the key is empty; expected key: value or key=value",
                        "REFUSED  religious  key:religio*  \"religion: none\"");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void badJsonAndBadUtf8AreErrorLinesNotStackTraces() {
        byte[] input = "[1]\n{\"key\":\"k\"}\nnot json\n\u00ff\n"
                .replace("\u00ff", "X")
                .getBytes(StandardCharsets.UTF_8);
        input[input.length - 2] = (byte) 0xFF;
        int code = run(input, "test", "--json");

        assertThat(code).isEqualTo(2);
        assertThat(out.toString().lines())
                .hasSize(4)
                .allSatisfy(line -> assertThat(line).startsWith("{\"line\":").contains("\"error\":"));
        assertThat(out.toString()).contains("not UTF-8").doesNotContain("Exception");
    }

    @Test
    void anOperatorFileExtendsTheShippedTerms(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("terms.yaml");
        Files.writeString(
                file,
                "version: 1\nextends: shipped\nlanguages:\n  en:\n    terms:\n      health: [\"sniffles\"]\n"
                        + "    exceptions: [\"diabetic friendly recipes\"]\n");

        int code = run(
                "note: has the sniffles\nnote: diabetic friendly recipes\nnote: diabetic\n",
                "test",
                "--terms",
                file.toString());

        assertThat(code).isZero();
        assertThat(out.toString().lines())
                .extracting(line -> line.substring(0, 7))
                .containsExactly("REFUSED", "ALLOWED", "REFUSED");
    }

    @Test
    void withoutTermsTheFileBesideTheConfigurationIsUsed(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("sensitive-terms.yaml"),
                "version: 1\nextends: shipped\nlanguages:\n  en:\n    terms:\n      health: [\"sniffles\"]\n");

        assertThat(run(
                        "note: sniffles\n",
                        "test",
                        "--config",
                        dir.resolve("bridle.yaml").toString()))
                .isZero();
        assertThat(out.toString()).startsWith("REFUSED  health");
    }

    @Test
    void theTermFileTheConfigurationNamesIsUsedAsTheRuntimeUsesIt(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("terms"));
        Files.writeString(
                dir.resolve("terms/ours.yaml"),
                "version: 1\nextends: shipped\nlanguages:\n  en:\n    terms:\n      health: [\"sniffles\"]\n");
        Files.writeString(dir.resolve("bridle.yaml"), """
                environment: dev
                app: { name: acme-bots-dev, purpose: answering customers }
                recognisers: { sensitiveTerms: terms/ours.yaml }
                """);

        assertThat(run(
                        "note: sniffles\n",
                        "test",
                        "--config",
                        dir.resolve("bridle.yaml").toString()))
                .isZero();
        assertThat(out.toString()).startsWith("REFUSED  health");
    }

    @Test
    void anInvalidConfigurationSaysSoAndTheFileBesideItIsUsed(@TempDir Path dir) throws Exception {
        Files.writeString(
                dir.resolve("sensitive-terms.yaml"),
                "version: 1\nextends: shipped\nlanguages:\n  en:\n    terms:\n      health: [\"sniffles\"]\n");
        Files.writeString(dir.resolve("bridle.yaml"), "environment: someday\n");

        assertThat(run(
                        "note: sniffles\n",
                        "test",
                        "--config",
                        dir.resolve("bridle.yaml").toString()))
                .isZero();
        assertThat(out.toString()).startsWith("REFUSED  health");
        assertThat(err.toString()).contains("is not valid, so its recognisers: are not read");
    }

    @Test
    void anInvalidTermFileIsExitCode3WithFileAndLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("terms.yaml");
        Files.writeString(file, "version: 1\nextends: shipped\nlanguages:\n  en:\n    terms:\n      wealth: [rich]\n");

        assertThat(run("a: b\n", "test", "--terms", file.toString())).isEqualTo(3);
        assertThat(err.toString()).contains(file + ":6").contains("not a category");
        assertThat(out.toString()).isEmpty();
    }
}
