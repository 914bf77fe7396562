package dev.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BridleCommandTest {

    private static final Path VALID = Path.of("src/test/resources/config/valid/minimal.yaml");
    private static final Path INVALID = Path.of("src/test/resources/config/errors/bot-classes.yaml");

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = BridleCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void checkPrintsTheEffectiveConfigurationAndExitsZero() {
        int code = run("check", "--config", VALID.toString());

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("# Effective configuration from " + VALID)
                .contains("environment: dev\n", "threads: 4\n")
                .endsWith("# Valid: 0 bots, 0 accounts (0 in the sandbox).\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void checkPrintsEveryProblemToStderrAndExitsThree() throws Exception {
        int code = run("check", "-c", INVALID.toString());

        assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG).isEqualTo(3);
        assertThat(out.toString()).isEmpty();
        String golden = Files.readString(Path.of("src/test/resources/config/errors/bot-classes.expected.txt"));
        assertThat(err.toString().replace(System.lineSeparator(), "\n")).isEqualTo(golden);
    }

    @Test
    void checkOfAMissingFileSaysHowToNameAnother(@TempDir Path dir) {
        int code = run("check", "--config", dir.resolve("nope.yaml").toString());

        assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(err.toString()).contains("nope.yaml: cannot be read (no such file)", "Pass --config FILE");
    }

    @Test
    void checkReadsConfigBridleYamlByDefault() {
        CommandLine line = BridleCommand.commandLine();
        line.parseArgs("check");

        ConfigOption option = line.getSubcommands().get("check").getCommandSpec().mixins().values().stream()
                .map(m -> m.userObject()).filter(ConfigOption.class::isInstance).map(ConfigOption.class::cast)
                .findFirst().orElseThrow();
        assertThat(option.file()).isEqualTo(Path.of("config/bridle.yaml"));
    }

    @Test
    void noCommandIsAUsageErrorWithTheUsage() {
        assertThat(run()).isEqualTo(ExitCode.USAGE_ERROR);
        assertThat(err.toString()).startsWith("Usage: bridle");
    }

    @Test
    void anUnknownCommandIsAUsageErrorWithASuggestion() {
        assertThat(run("chek")).isEqualTo(ExitCode.USAGE_ERROR);
        assertThat(err.toString()).contains("Unmatched argument", "Did you mean: bridle check");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("check", "--verbose")).isEqualTo(ExitCode.USAGE_ERROR);
        assertThat(err.toString()).contains("Unknown option: '--verbose'", "Try 'bridle check --help'");
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        assertThat(run("--help")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("Usage: bridle", "check", "Exit codes:",
                "0   Success", "2   Wrong command line", "3   The configuration is missing or invalid", "4   audit verify");
    }

    @Test
    void versionExitsZero() {
        assertThat(run("--version")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("bridle ");
    }

    @Test
    void everyCommandHasHelpAndTheExitCodesAndEveryLeafCommandHasConfig() {
        assertCommand(BridleCommand.commandLine());
    }

    private static void assertCommand(CommandLine command) {
        var spec = command.getCommandSpec();
        if (spec.userObject() instanceof CommandLine.HelpCommand) {
            return;
        }
        assertThat(spec.optionsMap()).as(spec.qualifiedName()).containsKey("--help");
        assertThat(spec.usageMessage().exitCodeList()).as(spec.qualifiedName()).containsKeys("0", "1", "2", "3", "4");
        if (command.getSubcommands().isEmpty()) {
            assertThat(spec.optionsMap()).as(spec.qualifiedName()).containsKey("--config");
        }
        command.getSubcommands().values().forEach(BridleCommandTest::assertCommand);
    }
}
