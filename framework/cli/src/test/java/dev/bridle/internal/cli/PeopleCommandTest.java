package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.people.PersonFacts;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PeopleCommandTest {

    @TempDir
    Path dir;

    private Path configFile;
    private StoreConfig store;
    private StringWriter out;
    private StringWriter err;

    @BeforeEach
    void config() throws Exception {
        store = TestStores.h2(dir);
        configFile = dir.resolve("bridle.yaml");
        Files.writeString(configFile, """
                environment: dev
                app: { name: people-test-dev, purpose: "testing the people commands" }
                store: { url: "%s" }
                accounts:
                  - handle: acme_help
                bots:
                  - { name: support, class: dev.bridle.internal.config.testbots.GreeterBot, account: acme_help,
                      inbound: [mentions], onConsentEnd: keep-provided }
                  - { name: digest, class: dev.bridle.internal.config.testbots.GreeterBot, account: acme_help,
                      inbound: [mentions] }
                """.formatted(store.url()));
    }

    private void remember(String bot, String user, String key, String value) {
        try (Database db = Database.open(store)) {
            db.migrate();
            new PersonFacts(db, Clock.systemUTC()).put(bot, user, key, value);
        }
    }

    private void rememberProvided(String bot, String user, String key, String value, String message) {
        try (Database db = Database.open(store)) {
            db.migrate();
            new PersonFacts(db, Clock.systemUTC()).put(bot, user, key, value, message, true);
        }
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
    void showListsEveryBotsFactsAndTheConsentRecord() {
        remember("support", "2001", "preferred-language", "de");
        remember("digest", "2001", "topics", "football");
        remember("support", "2002", "plan", "pro");

        assertThat(run("people", "show", "2001")).isEqualTo(ExitCode.OK);

        assertThat(out.toString())
                .contains("facts: 2", "digest  topics = football", "support  preferred-language = de")
                .contains("user 2001 with people-test-dev", "consent: none on record", "opt-out: none")
                .doesNotContain("plan = pro");
    }

    @Test
    void forgetRemovesTheFactsAndKeepsTheConsentRecord() {
        run("consent", "grant", "--user", "2001", "--scope", "reply", "--reference", "signup form 8841");
        remember("support", "2001", "plan", "pro");

        assertThat(run("people", "forget", "2001")).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("forgot 1 fact about user 2001");

        run("people", "show", "2001");
        assertThat(out.toString()).contains("facts: none").contains("GIVEN", "signup form 8841");
    }

    @Test
    void aConsentWithdrawnFromTheCommandLineForgetsThePersonsFacts() {
        run("consent", "grant", "--user", "2001", "--scope", "reply", "--reference", "signup form 8841");
        remember("support", "2001", "preferred-language", "de");

        run("consent", "withdraw", "--user", "2001", "--reference", "support ticket 12");

        run("people", "show", "2001");
        assertThat(out.toString()).contains("facts: none");
    }

    @Test
    void aBotThatKeepsWhatWasProvidedKeepsItThroughAWithdrawalButNotThroughForget() {
        run("consent", "grant", "--user", "2001", "--scope", "reply", "--reference", "signup form 8841");
        rememberProvided("support", "2001", "order", "A-1234", "9001");
        remember("support", "2001", "mood", "impatient");
        rememberProvided("digest", "2001", "topics", "football", "9002");

        run("consent", "withdraw", "--user", "2001", "--reference", "support ticket 12");

        run("people", "show", "2001");
        assertThat(out.toString())
                .contains("facts: 1", "support  order = A-1234  (they provided it, message 9001")
                .doesNotContain("mood", "football");
        run("people", "forget", "2001");
        run("people", "show", "2001");
        assertThat(out.toString()).contains("facts: none");
    }

    @Test
    void aHandleIsRefusedWithAReason() {
        assertThat(run("people", "show", "@anna")).isEqualTo(ExitCode.USAGE_ERROR);
        assertThat(err.toString()).contains("not a user id").doesNotContain("Exception");
    }
}
