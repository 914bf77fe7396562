package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.guard.ActionKind;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.health.PauseReason;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AccountsCommandTest {

    private static final Instant FAR = Instant.parse("2199-01-01T00:00:00Z");

    @TempDir
    Path dir;

    private Path configFile;
    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    @BeforeEach
    void pausedAccounts() throws Exception {
        configFile = dir.resolve("bridle.yaml");
        Files.writeString(configFile, """
                environment: dev
                app: { name: accounts-test-dev, purpose: "testing the accounts commands" }
                store: { url: "%s" }
                accounts:
                  - { handle: acme }
                  - { handle: beta }
                """.formatted(TestStores.h2(dir).url()));
        try (Database db = Database.open(TestStores.h2(dir))) {
            db.migrate();
            AccountHealth health =
                    new AccountHealth(db, Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), java.time.ZoneOffset.UTC));
            health.pause("acme", PauseReason.LOCKED, 326, 403, "this account is temporarily locked");
            health.pauseKinds("beta", List.of(ActionKind.FOLLOW), FAR, 161);
        }
    }

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine line = BridleCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void listShowsEachAccountPausedOrActiveAndItsDailyLimits() {
        assertThat(run("accounts", "list", "--config", configFile.toString())).isEqualTo(ExitCode.OK);

        assertThat(out.toString().replace(System.lineSeparator(), "\n")).isEqualTo("""
                @acme  PAUSED paused since 2026-11-28T09:00:00Z: LOCKED (code 326) - this account is temporarily locked; \
                to fix: log in to the account at https://x.com and unlock it, then run: bridle accounts resume acme
                @beta  active
                    follows wait for a daily limit until 2199-01-01T00:00:00Z (code 161)
                """);
    }

    @Test
    void resumeUnpausesTheAccount() {
        assertThat(run("accounts", "resume", "@ACME", "--config", configFile.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(out.toString()).startsWith("@acme resumed (it was LOCKED since 2026-11-28T09:00:00Z)");

        run("accounts", "list", "-c", configFile.toString());
        assertThat(out.toString()).contains("@acme  active");

        assertThat(run("accounts", "resume", "acme", "-c", configFile.toString()))
                .isEqualTo(ExitCode.OK);
        assertThat(out.toString()).contains("@acme is not paused");
    }

    @Test
    void resumingAnUnknownAccountIsAUsageError() {
        assertThat(run("accounts", "resume", "nobody", "-c", configFile.toString()))
                .isEqualTo(ExitCode.USAGE_ERROR);
        assertThat(err.toString()).contains("@nobody is neither configured in " + configFile + " nor paused");
    }
}
