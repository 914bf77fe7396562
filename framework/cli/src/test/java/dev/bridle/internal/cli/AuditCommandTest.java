package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import dev.bridle.internal.text.ContentHash;
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
                ledger.append(new LedgerRecord(
                        t,
                        id,
                        "thanks",
                        "acme_help",
                        "REPLY",
                        List.of("2002"),
                        ContentHash.sha256Hex("thanks!"),
                        LedgerEvent.DENIED,
                        "consent",
                        "NO_CONSENT",
                        "AUTOMATED_CONTACT_CONSENT",
                        "no consent from user 2002 for reply",
                        null,
                        null));
                ledger.append(new LedgerRecord(
                        t.plusSeconds(1),
                        UUID.randomUUID(),
                        "release-notes",
                        "acme_news",
                        "POST",
                        List.of(),
                        ContentHash.sha256Hex("Acme 2.0"),
                        LedgerEvent.ALLOWED,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null));
                ledger.append(new LedgerRecord(
                        t.plusSeconds(2),
                        UUID.randomUUID(),
                        "release-notes",
                        "acme_news",
                        "POST",
                        List.of(),
                        ContentHash.sha256Hex("Acme 2.0"),
                        LedgerEvent.SENT,
                        null,
                        null,
                        null,
                        null,
                        "1789",
                        null));
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
        assertThat(out.toString().lines())
                .containsExactly(
                        "#2 2026-11-28T09:00:01Z release-notes @acme_news POST ALLOWED",
                        "#3 2026-11-28T09:00:02Z release-notes @acme_news POST SENT id=1789");
    }

    @Test
    void tailShowsWhyAnActionWasDenied() {
        run("audit", "tail", "--config", configFile.toString());

        assertThat(out.toString().lines().findFirst())
                .contains("#1 2026-11-28T09:00:00Z thanks @acme_help REPLY DENIED NO_CONSENT [consent] to 2002 no "
                        + "consent from user 2002 for reply");
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
        try (Database db = Database.open(TestStores.h2(dir));
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE audit_ledger SET reason = 'OPTED_OUT' WHERE seq = 1");
        }

        int code = run("audit", "verify", "--config", configFile.toString());

        assertThat(code).isEqualTo(ExitCode.LEDGER_VERIFICATION_FAILED).isEqualTo(4);
        assertThat(err.toString()).startsWith("ledger altered at row 1: ");
    }

    private void sql(String... statements) throws Exception {
        try (Database db = Database.open(TestStores.h2(dir));
                Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private Path anchor() {
        return dir.toAbsolutePath().resolve("bridle.ledger-anchor");
    }

    @Test
    void verifyReportsACutTail() throws Exception {
        sql(
                "DELETE FROM audit_ledger WHERE seq = 3",
                "UPDATE ledger_head SET last_seq = 2, last_hash = (SELECT hash FROM audit_ledger WHERE seq = 2)");

        int code = run("audit", "verify", "--config", configFile.toString());

        assertThat(code).isEqualTo(ExitCode.LEDGER_VERIFICATION_FAILED);
        assertThat(err.toString().lines())
                .containsExactly(
                        "ledger altered: row 3 is missing from the end (the tail was cut): the ledger anchor at "
                                + anchor() + " records row 3, the ledger head row 2",
                        "2 rows checked");
    }

    @Test
    void verifyReportsRowsPastTheHeadAndTailNeverShowsThem() throws Exception {
        sql("UPDATE ledger_head SET last_seq = 2, last_hash = (SELECT hash FROM audit_ledger WHERE seq = 2)");

        int tail = run("audit", "tail", "--config", configFile.toString());
        int verify = run("audit", "verify", "--config", configFile.toString());

        assertThat(tail).isEqualTo(ExitCode.OK);
        assertThat(out.toString()).doesNotContain("#3 ");
        assertThat(verify).isEqualTo(ExitCode.LEDGER_VERIFICATION_FAILED);
        assertThat(err.toString().lines())
                .contains("ledger altered: row 3 is past the ledger head (which records row 2):"
                        + " in the table but not in the chain (forged, or left by a failed write); no read "
                        + "but verify looks at them");
    }

    @Test
    void verifyReportsAnAnchorThatFailsItsChecksums() throws Exception {
        Files.write(anchor(), new byte[8192]);

        int code = run("audit", "verify", "--config", configFile.toString());

        assertThat(code).isEqualTo(ExitCode.LEDGER_VERIFICATION_FAILED);
        assertThat(err.toString())
                .startsWith("ledger altered: the ledger anchor at " + anchor()
                        + " is unreadable: both its slots are damaged");
    }

    @Test
    void verifyReportsAKeyedAnchorWhenNoKeyIsConfigured() throws Exception {
        Files.delete(anchor());
        StoreConfig keyed = new StoreConfig(
                TestStores.h2(dir).url(), null, null, anchor(), Secret.of("0123456789abcdef0123456789abcdef-cli"));
        try (Database db = Database.open(keyed);
                JdbcAuditLedger ledger = JdbcAuditLedger.open(db)) {
            ledger.acceptCurrentHead(java.time.Clock.systemUTC());
        }

        int code = run("audit", "verify", "--config", configFile.toString());

        assertThat(code).isEqualTo(ExitCode.LEDGER_VERIFICATION_FAILED);
        assertThat(err.toString())
                .startsWith("ledger altered: the ledger anchor at " + anchor()
                        + " its slot 1 is sealed with a key, but store.anchorKey is not set");
    }

    @Test
    void verifyNotesRowsNewerThanTheAnchor() throws Exception {
        try (Database db = Database.open(TestStores.h2(dir));
                JdbcAuditLedger ledger = JdbcAuditLedger.open(db);
                Connection tx = db.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            ledger.appendInTransaction(
                    tx,
                    new LedgerRecord(
                            Instant.parse("2026-11-28T09:00:03Z"),
                            null,
                            "thanks",
                            "acme_help",
                            null,
                            List.of(),
                            null,
                            LedgerEvent.BOT_ERROR,
                            null,
                            null,
                            null,
                            null,
                            null,
                            "boom"));
            tx.commit();
        }

        int code = run("audit", "verify", "--config", configFile.toString());

        assertThat(code).isEqualTo(ExitCode.OK);
        assertThat(out.toString().lines())
                .containsExactly(
                        "note: row 4 is newer than the ledger anchor at " + anchor()
                                + " (row 3): committed by another node,"
                                + " or just before a stop; the chain covers them, the anchor does not yet",
                        "ledger intact: 4 rows checked");
    }

    @Test
    void runRefusesALedgerThatDoesNotMatchItsAnchorInOneLine() throws Exception {
        sql(
                "DELETE FROM audit_ledger WHERE seq = 3",
                "UPDATE ledger_head SET last_seq = 2, last_hash = (SELECT hash FROM audit_ledger WHERE seq = 2)");
        byte[] evidence = Files.readAllBytes(anchor());

        int code = run("run", "--for", "1s", "--config", configFile.toString());

        assertThat(code).isEqualTo(ExitCode.RUNTIME_FAILURE);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .startsWith("bridle run: refusing to start: the audit ledger in ")
                .contains(
                        "row 3 is missing from the end (the tail was cut)",
                        "Run bridle audit verify",
                        "bridle audit anchor --accept-current-head");
        assertThat(Files.readAllBytes(anchor())).isEqualTo(evidence);
    }

    @Test
    void anchorShowsWhatTheAnchorRecordsAndAcceptingReplacesIt() throws Exception {
        sql(
                "DELETE FROM audit_ledger WHERE seq = 3",
                "UPDATE ledger_head SET last_seq = 2, last_hash = (SELECT hash FROM audit_ledger WHERE seq = 2)");

        int shown = run("audit", "anchor", "--config", configFile.toString());
        int accepted = run("audit", "anchor", "--accept-current-head", "--config", configFile.toString());
        int verified = run("audit", "verify", "--config", configFile.toString());

        assertThat(shown).isEqualTo(ExitCode.OK);
        assertThat(accepted).isEqualTo(ExitCode.OK);
        assertThat(verified).isEqualTo(ExitCode.OK);
        assertThat(out.toString().lines()).hasSize(3);
        assertThat(out.toString().lines().toList().get(0))
                .startsWith("the ledger anchor at " + anchor() + " records row 3 (hash ");
        assertThat(out.toString().lines().toList().get(1))
                .startsWith("the ledger anchor at " + anchor() + " now records row 2 (hash ")
                .contains("what it recorded before is in " + anchor() + ".log");
        assertThat(out.toString().lines().toList().get(2)).isEqualTo("ledger intact: 2 rows checked");
        assertThat(Files.readString(dir.resolve("bridle.ledger-anchor.log"))).contains("seq=3");
    }

    @Test
    void acceptingABrokenChainIsRefusedInOneLine() throws Exception {
        sql("UPDATE audit_ledger SET reason = 'OPTED_OUT' WHERE seq = 1");

        int code = run("audit", "anchor", "--accept-current-head", "--config", configFile.toString());

        assertThat(code).isEqualTo(ExitCode.RUNTIME_FAILURE);
        assertThat(err.toString().lines())
                .singleElement()
                .asString()
                .startsWith("bridle audit anchor: not accepting the head of the ledger in ")
                .contains("row 1 was edited");
    }
}
