package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SandboxCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code bridle sandbox ARGS}, stopping the sandbox as soon as it has started. */
    private int run(String... args) {
        CommandLine line = new CommandLine(new SandboxCommand(() -> {}));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void itStartsTheSandboxAndPrintsWhereAndTheCredentials() {
        int code = run(
                "--port",
                "0",
                "--seed",
                "7",
                "--account",
                "acme",
                "--account",
                "beta",
                "-c",
                dir.resolve("none.yaml").toString());

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString())
                .contains(
                        "Bridle sandbox listening on http://127.0.0.1:",
                        "Account @acme",
                        "Account @beta",
                        "access token secret:",
                        "Demo audience: off");
    }

    @Test
    void withoutAccountOptionsItUsesTheConfiguredAccounts() throws Exception {
        Path config = dir.resolve("bridle.yaml");
        Files.writeString(config, """
                environment: dev
                app: { name: sandbox-test-dev, purpose: "testing the sandbox command" }
                accounts:
                  - { handle: acme_news }
                """);

        assertThat(run("--config", config.toString())).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Account @acme_news").doesNotContain("@bridle_demo");
    }

    /**
     * Issue 11: with the shipped configuration, bridle sandbox --demo's audience talked to
     *
     * @acme_news while bridle run's talks to @acme_help. Cause: the standalone sandbox aimed the demo at its first
     *     account, not at the account a bot reads mentions of.
     */
    @Test
    void theDemoAudienceTalksToTheAccountBridleRunsAudienceTalksTo() throws Exception {
        Path config = dir.resolve("bridle.yaml");
        Files.writeString(config, """
                environment: dev
                app: { name: sandbox-test-dev, purpose: "testing the sandbox command" }
                accounts:
                  - { handle: acme_news }
                  - { handle: acme_help }
                bots:
                  - { name: thanks, class: dev.bridle.internal.config.testbots.GreeterBot, account: acme_help, inbound: [mentions] }
                """);

        assertThat(run("--demo", "--config", config.toString()))
                .as(err.toString())
                .isEqualTo(ExitCode.OK);
        assertThat(out.toString())
                .contains("Account @acme_news", "Account @acme_help", "Demo audience: on, talking to @acme_help");
    }

    @Test
    void aBadPortIsAUsageError() {
        assertThat(run("--port", "70000")).isEqualTo(ExitCode.USAGE_ERROR);
        assertThat(err.toString()).contains("port must be 0..65535");
    }

    @Test
    void itIsABridleSubcommand() {
        assertThat(BridleCommand.commandLine().getSubcommands()).containsKeys("sandbox", "accounts");
    }
}
