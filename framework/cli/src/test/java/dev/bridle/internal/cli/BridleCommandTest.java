package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class BridleCommandTest {

    // the configuration fixtures are core's, shared with its reader tests
    private static final Path VALID = Path.of("../core/src/test/resources/config/valid/minimal.yaml");
    private static final Path INVALID = Path.of("../core/src/test/resources/config/errors/bot-classes.yaml");

    /** {@code ConfigLoader.MAX_BYTES}, written out: the README and the error message name it. */
    private static final int CONFIG_CAP = 1 << 20;

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
        assertThat(out.toString())
                .startsWith("# Effective configuration from " + VALID)
                .contains("environment: dev\n", "threads: 4\n")
                .contains("# Decision plan: every action passes these in order")
                .containsPattern("#  +1\\. step  mentions +AUTOMATED_CONTACT_CONSENT +45000 ms")
                .containsPattern("# +\\d+\\. guard consent +AUTOMATED_CONTACT_CONSENT +500 ms")
                .containsPattern("#  +2\\. check consent-final +AUTOMATED_CONTACT_CONSENT +500 ms")
                .endsWith("# Valid: 0 bots, 0 accounts (0 in the sandbox).\n");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void checkPrintsEveryProblemToStderrAndExitsThree() throws Exception {
        int code = run("check", "-c", INVALID.toString());

        assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG).isEqualTo(3);
        assertThat(out.toString()).isEmpty();
        String golden = Files.readString(Path.of("../core/src/test/resources/config/errors/bot-classes.expected.txt"))
                .replace("src/test/resources/", "../core/src/test/resources/");
        assertThat(err.toString().replace(System.lineSeparator(), "\n")).isEqualTo(golden);
    }

    @Test
    void checkOfAMissingFileSaysHowToNameAnother(@TempDir Path dir) {
        int code = run("check", "--config", dir.resolve("nope.yaml").toString());

        assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(err.toString()).contains("nope.yaml: cannot be read (no such file)", "Pass --config FILE");
    }

    /** The file was read whole and parsed, whatever its size: 8 MB took 33 s to be refused. */
    @Test
    void checkRefusesAnEightMegabyteConfigurationAtOnceNamingItsSizeAndTheCap(@TempDir Path dir) throws Exception {
        Path big = dir.resolve("big.yaml");
        Files.writeString(
                big, "environment: dev\napp: { name: acme-bots-dev, purpose: test }\n# " + "x".repeat(8 << 20) + "\n");

        int code = run("check", "--config", big.toString());

        assertThat(code).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(err.toString())
                .contains(big + ": is " + Files.size(big) + " bytes, over the limit of 1048576 bytes"
                        + " (1 MiB) for a configuration file; expected a YAML configuration, which is a few kilobytes");
        assertThat(out.toString()).isEmpty();
    }

    /** A stream without an end (a device or pipe named by mistake) was read until memory ran out. */
    @Test
    void checkRefusesAnEndlessStreamAsAConfiguration() {
        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "a system with /dev/zero");

        assertThat(run("check", "--config", zero.toString())).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(err.toString()).contains("/dev/zero: is more than 1048576 bytes, over the limit of 1048576 bytes");
    }

    @Test
    void aConfigurationOfExactlyTheCapIsRead(@TempDir Path dir) throws Exception {
        Path full = dir.resolve("full.yaml");
        String head = "environment: dev\napp: { name: acme-bots-dev, purpose: test }\n# ";
        Files.writeString(full, head + "x".repeat(CONFIG_CAP - head.length() - 1) + "\n");
        assertThat(Files.size(full)).isEqualTo(CONFIG_CAP);

        assertThat(run("check", "--config", full.toString())).as(err.toString()).isEqualTo(ExitCode.OK);
    }

    /** The file was decoded whole, so a byte that is not UTF-8 was reported without saying where it is. */
    @Test
    void aConfigurationThatIsNotUtf8NamesTheLineAndColumn(@TempDir Path dir) throws Exception {
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(
                latin1,
                "environment: dev\napp: { name: acme-bots-dev, purpose: caf\u00e9 }\n"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        assertThat(run("check", "--config", latin1.toString())).isEqualTo(ExitCode.INVALID_CONFIG);
        assertThat(err.toString()).contains(latin1 + ":2:41: not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void checkReadsConfigBridleYamlByDefault() {
        CommandLine line = BridleCommand.commandLine();
        line.parseArgs("check");

        ConfigOption option = line.getSubcommands().get("check").getCommandSpec().mixins().values().stream()
                .map(m -> m.userObject())
                .filter(ConfigOption.class::isInstance)
                .map(ConfigOption.class::cast)
                .findFirst()
                .orElseThrow();
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
        assertThat(out.toString())
                .contains(
                        "Usage: bridle",
                        "check",
                        "Exit codes:",
                        "0   Success",
                        "2   Wrong command line",
                        "3   The configuration is missing or invalid",
                        "4   audit verify");
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
