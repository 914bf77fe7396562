package dev.bridle.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.VerifyReport;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where a store's anchor is by default, and that a store in memory has none. */
class AnchorLocationTest {

    @TempDir
    Path dir;

    @Test
    void anH2FileIsAnchoredBesideIt() {
        try (Database db = Database.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("data/bridle"), null, null))) {
            assertThat(AnchorLocation.of(db)).contains(dir.toAbsolutePath().resolve("data/bridle.ledger-anchor"));
        }
    }

    @Test
    void aConfiguredAnchorIsUsed() {
        Path anchor = dir.resolve("elsewhere/x.ledger-anchor").toAbsolutePath();
        try (Database db =
                Database.open(new StoreConfig("jdbc:h2:file:" + dir.resolve("bridle"), null, null, anchor, null))) {
            assertThat(AnchorLocation.of(db)).contains(anchor);
        }
    }

    @Test
    void aStoreInMemoryHasNoAnchorAndVerifySaysSo() {
        try (Database db = Database.open(new StoreConfig("jdbc:h2:mem:anchorless", null, null))) {
            db.migrate();
            try (JdbcAuditLedger ledger = JdbcAuditLedger.open(db)) {
                ledger.append(LedgerRecords.denied(1));
                ledger.checkAnchor();

                assertThat(ledger.anchorFile()).isEmpty();
                VerifyReport report = ledger.verify();
                assertThat(report.intact()).isTrue();
                assertThat(report.notes())
                        .containsExactly("the store is an H2 database in memory: its ledger has no anchor");
            }
        }
    }

    @Test
    void aServerStoreIsAnchoredOnThisNodeUnderDataNamedAfterItWithoutCredentials() {
        assertThat(AnchorLocation.nodeLocalName("jdbc:postgresql://db.internal:5432/bridle?ssl=true&password=p"))
                .isEqualTo("postgresql-db.internal-5432-bridle");
        assertThat(AnchorLocation.nodeLocalName("jdbc:postgresql://bridle:p4ss@db/bridle"))
                .isEqualTo("postgresql-db-bridle");
        assertThat(AnchorLocation.nodeLocalName("jdbc:h2:tcp://db:9092/~/bridle;USER=x"))
                .isEqualTo("h2-tcp-db-9092-bridle");
    }
}
