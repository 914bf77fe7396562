package dev.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.ContentHash;
import dev.bridle.audit.JdbcAuditLedger;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.store.Database;
import dev.bridle.store.TestStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class AuditCommandTest {

    @TempDir
    Path dir;

    private Path configFile;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void ledgerWithThreeRows() throws Exception {
        configFile = dir.resolve("bridle.yaml");
        Files.writeString(configFile, """
                environment: dev
                app: { name: audit-test-dev, purpose: "testing the audit commands" }
                store: { url: "%s" }
                """.formatted(TestStores.h2(dir).url()));
        try (Database db = Database.open(TestStores.h2(dir))) {
            db.migrate();
            try (JdbcAuditLedger ledger = JdbcAuditLedger.open(db)) {
                Instant t = Instant.parse("2026-11-28T09:00:00Z");
                UUID id = UUID.randomUUID();
                ledger.append(new LedgerRecord(t, id, "thanks", "acme_help", "REPLY", List.of("2002"),
                        ContentHash.sha256Hex("thanks!"), LedgerEvent.DENIED, "consent", "NO_CONSENT",
                        "AUTOMATED_CONTACT_CONSENT", "no consent from user 2002 for reply", null, null));
                ledger.append(new LedgerRecord(t.plusSeconds(1), UUID.randomUUID(), "release-notes", "acme_news", "POST",
                        List.of(), ContentHash.sha256Hex("Acme 2.0"), LedgerEvent.ALLOWED, null, null, null, null, null, null));
                ledger.append(new LedgerRecord(t.plusSeconds(2), UUID.randomUUID(), "release-notes", "acme_news", "POST",
                        List.of(), ContentHash.sha256Hex("Acme 2.0"), LedgerEvent.SENT, null, null, null, null, "1789", null));
            }
        }
    }

    private int run(String... args) {
        CommandLine line = BridleCommand.commandLine();
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void tailPrintsTheLastRowsOldestFirst() {
        int code = run("audit", "tail", "-n", "2", "--config", configFile.toString());

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString().lines()).containsExactly(
                "#2 2026-11-28T09:00:01Z release-notes @acme_news POST ALLOWED",
                "#3 2026-11-28T09:00:02Z release-notes @acme_news POST SENT id=1789");
    }

    @Test
    void tailShowsWhyAnActionWasDenied() {
        run("audit", "tail", "--config", configFile.toString());

        assertThat(out.toString().lines().findFirst()).contains(
                "#1 2026-11-28T09:00:00Z thanks @acme_help REPLY DENIED NO_CONSENT [consent] to 2002 no consent from user 2002 for reply");
    }

    @Test
    void tailCanPrintJson() {
        run("audit", "tail", "-n", "1", "--json", "--config", configFile.toString());

        assertThat(out.toString()).startsWith("{\"seq\":3,").contains("\"event\":\"SENT\"", "\"platformId\":\"1789\"");
    }

    @Test
    void verifyOfAnIntactLedgerExitsZero() {
        int code = run("audit", "verify", "--config", configFile.toString());

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).isEqualTo("ledger intact: 3 rows checked\n");
    }

    @Test
    void verifyNamesTheEditedRowAndExitsFour() throws Exception {
        try (Database db = Database.open(TestStores.h2(dir)); Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_ledger SET reason = 'OPTED_OUT' WHERE seq = 1");
        }

        int code = run("audit", "verify", "--config", configFile.toString());

        assertThat(code).isEqualTo(ExitCode.LEDGER_VERIFICATION_FAILED).isEqualTo(4);
        assertThat(err.toString()).startsWith("ledger altered at row 1: ");
    }
}
