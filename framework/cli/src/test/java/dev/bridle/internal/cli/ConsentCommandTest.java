package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.optout.Trigger;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConsentCommandTest {

    @TempDir
    Path dir;

    private Path configFile;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void config() throws Exception {
        configFile = dir.resolve("bridle.yaml");
        Files.writeString(configFile, """
                environment: dev
                app: { name: consent-test-dev, purpose: "testing the consent commands" }
                store: { url: "%s" }
                """.formatted(TestStores.h2(dir).url()));
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine line = BridleCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        String[] withConfig = new String[args.length + 2];
        System.arraycopy(args, 0, withConfig, 0, args.length);
        withConfig[args.length] = "--config";
        withConfig[args.length + 1] = configFile.toString();
        return line.execute(withConfig);
    }

    @Test
    void grantThenShowThenWithdraw() {
        assertThat(run(
                        "consent",
                        "grant",
                        "--user",
                        "2001",
                        "--scope",
                        "reply,dm",
                        "--reference",
                        "signup form 8812",
                        "--valid-for",
                        "90d"))
                .isEqualTo(ExitCode.OK);
        assertThat(out.toString())
                .startsWith("granted reply,dm to user 2001 on every account until ")
                .contains("(receipt ");

        assertThat(run("consent", "show", "--user", "2001")).isEqualTo(ExitCode.OK);
        assertThat(out.toString())
                .contains(
                        "user 2001 with consent-test-dev",
                        "consent on every account: reply,dm",
                        "opt-out: none",
                        "GIVEN reply,dm on every account via CLI until",
                        "[signup form 8812]");

        assertThat(run("consent", "withdraw", "--user", "2001", "--scope", "dm", "--reference", "email"))
                .isEqualTo(ExitCode.OK);
        assertThat(out.toString().trim()).isEqualTo("withdrew dm of user 2001 on every account");
        run("consent", "show", "--user", "2001");
        assertThat(out.toString()).contains("consent on every account: reply\n").contains("WITHDRAWN dm");
    }

    @Test
    void theConfiguredOperatorAndExpiryApply() throws Exception {
        Files.writeString(configFile, Files.readString(configFile) + """
                consent: { operator: "Acme Ltd", expiry: 30d }
                """);
        Instant before = Instant.now();

        assertThat(run("consent", "grant", "--user", "2001", "--scope", "reply", "--reference", "form 1"))
                .isEqualTo(ExitCode.OK);
        Instant until = Instant.parse(out.toString().replaceFirst("(?s).* until (\\S+) \\(receipt.*", "$1"));
        run("consent", "show", "--user", "2001");

        assertThat(until)
                .isBetween(before.plus(Duration.ofDays(30)), Instant.now().plus(Duration.ofDays(30)));
        assertThat(out.toString()).contains("user 2001 with Acme Ltd");
    }

    @Test
    void showListsOptOutsWithTheirEvidence() {
        try (Database db = Database.open(TestStores.h2(dir))) {
            db.migrate();
            ConsentRegistry consents =
                    new ConsentRegistry(db, Clock.systemUTC(), ConsentSettings.defaults("consent-test-dev"));
            new OptOutRegistry(db, Clock.systemUTC(), OptOutSettings.defaults(), consents)
                    .optOut(
                            "2001",
                            "acme_help",
                            new Evidence(Channel.DIRECT_MESSAGE, "900", "STOP please", "to @acme_help"),
                            new Trigger("en.opt_out.keyword:stop", "en", "abcdef012345"));
        }

        run("consent", "show", "--user", "2001");

        assertThat(out.toString())
                .contains(
                        "opt-out: OPTED_OUT on every account since",
                        "(DIRECT_MESSAGE, en.opt_out.keyword:stop)",
                        "OPTED_OUT on every account via DIRECT_MESSAGE message 900 \"STOP please\"");
    }

    @Test
    void aGrantFromTheCommandLineLiftsAnOptOutAndAnImportDoesNot() {
        run("consent", "grant", "--user", "2001", "--scope", "reply", "--reference", "x");
        try (Database db = Database.open(TestStores.h2(dir))) {
            db.migrate();
            ConsentRegistry consents =
                    new ConsentRegistry(db, Clock.systemUTC(), ConsentSettings.defaults("consent-test-dev"));
            new OptOutRegistry(db, Clock.systemUTC(), OptOutSettings.defaults(), consents)
                    .optOut("2001", "acme_help", Evidence.inbound(Channel.DIRECT_MESSAGE, "900", "STOP"), Trigger.NONE);
        }

        run("consent", "grant", "--user", "2001", "--scope", "reply", "--reference", "crm export 2024", "--import");
        assertThat(out.toString())
                .contains("note: user 2001 is still opted out of every account (an import never lifts an opt-out)");

        run("consent", "grant", "--user", "2001", "--scope", "reply", "--reference", "asked again by email, ticket 77");
        assertThat(out.toString()).doesNotContain("note:");
        run("consent", "show", "--user", "2001");
        assertThat(out.toString()).contains("opt-out: none", "OPTED_IN on every account via CLI");
    }

    @Test
    void exportWritesReceipts() throws Exception {
        run(
                "consent",
                "grant",
                "--user",
                "2001",
                "--scope",
                "mention",
                "--account",
                "@acme_help",
                "--reference",
                "form");
        Path file = dir.resolve("receipts.json");

        assertThat(run("consent", "export", "--user", "2001", "--out", file.toString()))
                .isEqualTo(ExitCode.OK);

        JsonNode export = new ObjectMapper().readTree(file.toFile());
        assertThat(export.path("piiPrincipalId").asText()).isEqualTo("2001");
        JsonNode receipt = export.path("receipts").get(0);
        assertThat(receipt.path("version").asText()).isEqualTo("KI-CR-v1.1.0");
        assertThat(receipt.path("services").get(0).path("service").asText())
                .isEqualTo("automated contact on X from @acme_help");
        assertThat(receipt.path("evidence").path("reference").asText()).isEqualTo("form");
    }

    /** Files.writeString could not encode half an emoji in a user's own words: "Input length = 1", and no receipt. */
    @Test
    void exportOfEvidenceHoldingHalfAnEmojiWritesItAsAnEscape() throws Exception {
        String cut = "START \uD83D";
        try (Database db = Database.open(TestStores.h2(dir))) {
            db.migrate();
            new ConsentRegistry(db, Clock.systemUTC(), ConsentSettings.defaults("consent-test-dev"))
                    .grant(ConsentGrant.of(
                            "2001", Set.of(ConsentScope.REPLY), Evidence.inbound(Channel.DIRECT_MESSAGE, "900", cut)));
        }
        Path file = dir.resolve("receipts.json");

        assertThat(run("consent", "export", "--user", "2001", "--out", file.toString()))
                .as(err.toString())
                .isEqualTo(ExitCode.OK);
        assertThat(Files.readString(file)).contains("\"START \\uD83D\"");
        assertThat(new ObjectMapper()
                        .readTree(file.toFile())
                        .path("receipts")
                        .get(0)
                        .path("evidence")
                        .path("inboundText")
                        .asText())
                .isEqualTo(cut);
        assertThat(run("consent", "export", "--user", "2001")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("\"START \\uD83D\"").doesNotContain("START ?");
    }

    @Test
    void badInputIsAUsageError() {
        assertThat(run("consent", "grant", "--user", "2001", "--scope", "hugs", "--reference", "x"))
                .isEqualTo(ExitCode.USAGE_ERROR);
        assertThat(err.toString()).contains("unknown consent scope 'hugs'");
        assertThat(run("consent", "grant", "--user", "@ana", "--scope", "reply", "--reference", "x"))
                .isEqualTo(ExitCode.USAGE_ERROR);
        assertThat(err.toString()).contains("a user id is a string of digits");
        assertThat(run("consent", "grant", "--user", "2001", "--scope", "reply"))
                .isEqualTo(ExitCode.USAGE_ERROR);
        assertThat(err.toString()).contains("--reference");
    }
}
