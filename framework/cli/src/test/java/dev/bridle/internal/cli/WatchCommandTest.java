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

class WatchCommandTest {

    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();

    int run(String stdin, String... args) {
        CommandLine line =
                new CommandLine(new WatchCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void judgesOneQueryPerLine() {
        int code = run("#protest lang:de\nfrom:alice\n\"new phone\" review\nlang:en\n", "test");

        assertThat(code).isZero();
        assertThat(out.toString().lines())
                .containsExactly(
                        "REFUSED  sensitive_event  protest*  \"#protest lang:de\"",
                        "REFUSED  profiling        from:alice  \"from:alice\"",
                        "ALLOWED  none             -  \"\\\"new phone\\\" review\"",
                        "REFUSED  measurement      (every post),lang:en  \"lang:en\"");
    }

    @Test
    void jsonStringsInJsonObjectsOut() throws Exception {
        int code = run("\"Gewerkschaft Streik\"\n\"union berlin tickets\"\n", "test", "--json");

        assertThat(code).isZero();
        List<String> lines = out.toString().lines().toList();
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("verdict").asText()).isEqualTo("REFUSED");
        assertThat(first.get("category").asText()).isIn("sensitive_group", "sensitive_event");
        assertThat(first.get("reason").asText()).isEqualTo("SURVEILLANCE");
        assertThat(first.get("rule").asText()).startsWith("X developer terms");
        JsonNode second = new ObjectMapper().readTree(lines.get(1));
        assertThat(second.get("verdict").asText()).isEqualTo("ALLOWED");
        assertThat(second.get("category").asText()).isEqualTo("none");
    }

    @Test
    void anInvalidQueryOrJsonLineIsAnErrorLine() {
        int code = run("\"(cats OR dogs\"\n42\n\"cats\"\n", "test", "--json");

        assertThat(code).isEqualTo(2);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("\"line\":1").contains("not a valid X query");
        assertThat(lines.get(1)).contains("\"line\":2").contains("expected a JSON string");
        assertThat(lines.get(2)).contains("\"verdict\":\"ALLOWED\"");
    }

    @Test
    void anExceptionWithoutAReasonIsExitCode3WithItsLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("watch.yaml");
        Files.writeString(file, "version: 1\nextends: shipped\nexceptions:\n  - phrase: \"union of cats\"\n");

        assertThat(run("cats\n", "test", "--terms", file.toString())).isEqualTo(3);
        assertThat(err.toString()).contains(file + ":4").contains("needs a reason");
    }

    @Test
    void anAccountExceptionLetsTheBotFollowItsOwnAccount(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("watch.yaml");
        Files.writeString(
                file,
                "version: 1\nextends: shipped\nexceptions:\n  - account: \"@our_brand\"\n    reason: \"our own mentions\"\n");

        assertThat(run("to:our_brand\nto:someone_else\n", "test", "--terms", file.toString()))
                .isZero();
        assertThat(out.toString().lines())
                .extracting(line -> line.substring(0, 7))
                .containsExactly("ALLOWED", "REFUSED");
    }
}
