package dev.bridle.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.audit.LedgerAnchorException;
import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.audit.VerifyReport;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.internal.text.ContentHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chain's ends, on every database: the anchor outside the database (what {@code verify} finds with the default
 * configuration, what start-up refuses, the operator's accept step), and rows past the head, which no read returns.
 */
abstract class LedgerAnchorContract extends StoreTestBase {

    private static final Secret KEY = Secret.of("0123456789abcdef0123456789abcdef-contract");

    JdbcAuditLedger ledger;
    Path anchor;
    private final List<AutoCloseable> opened = new ArrayList<>();

    @BeforeEach
    void emptyLedgerWithoutAnchor() throws IOException {
        sql("DELETE FROM audit_ledger", "UPDATE ledger_head SET last_seq = 0, last_hash = '" + ChainHash.GENESIS + "'");
        anchor = AnchorLocation.of(db).orElseThrow();
        Files.deleteIfExists(anchor);
        Files.deleteIfExists(log());
        ledger = JdbcAuditLedger.open(db);
    }

    @AfterEach
    void close() throws Exception {
        ledger.close();
        for (AutoCloseable c : opened) {
            c.close();
        }
        opened.clear();
    }

    private Path log() {
        return anchor.resolveSibling(anchor.getFileName() + ".log");
    }

    private void appendDenials(int from, int to) {
        for (int i = from; i <= to; i++) {
            ledger.append(LedgerRecords.denied(i));
        }
    }

    /** Deletes the rows after {@code seq} and moves the head back onto it, as someone with database access could. */
    private void cutTailTo(long seq) {
        sql(
                "DELETE FROM audit_ledger WHERE seq > " + seq,
                "UPDATE ledger_head SET last_seq = " + seq + ", last_hash = "
                        + (seq == 0
                                ? "'" + ChainHash.GENESIS + "'"
                                : "(SELECT hash FROM audit_ledger WHERE seq = " + seq + ")"));
    }

    /** Rewrites the rows from {@code from} on with another reason, chains them again and moves the head to match. */
    private void rewriteAndRechainFrom(long from) throws Exception {
        List<LedgerEntry> rows = ledger.tail(1000);
        String prev = rows.stream()
                .filter(e -> e.seq() == from - 1)
                .findFirst()
                .map(LedgerEntry::hash)
                .orElse(ChainHash.GENESIS);
        List<LedgerEntry> forged = new ArrayList<>();
        for (LedgerEntry e : rows.stream().filter(e -> e.seq() >= from).toList()) {
            LedgerRecord r = e.record();
            LedgerRecord edited = new LedgerRecord(
                    r.at(),
                    r.requestId(),
                    r.bot(),
                    r.account(),
                    r.actionKind(),
                    r.targets(),
                    r.contentHash(),
                    LedgerEvent.SENT,
                    null,
                    null,
                    null,
                    null,
                    "forged",
                    null);
            String hash = ChainHash.of(prev, e.seq(), edited);
            forged.add(new LedgerEntry(e.seq(), edited, prev, hash));
            prev = hash;
        }
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            c.createStatement().execute("DELETE FROM audit_ledger WHERE seq >= " + from);
            LedgerRows.insert(c, forged);
            LedgerRows.updateHead(
                    c, new LedgerRows.Head(forged.get(forged.size() - 1).seq(), prev));
            c.commit();
        }
    }

    @Test
    void everyGroupCommitMovesTheAnchorToTheHead() throws Exception {
        appendDenials(1, 3);
        LedgerEntry last = ledger.append(LedgerRecords.denied(4));

        AnchorState state = new AnchorFile(anchor, null).read();
        assertThat(state.slot().head()).isEqualTo(new LedgerRows.Head(4, last.hash()));
        assertThat(ledger.verify()).isEqualTo(new VerifyReport(4, java.util.OptionalLong.empty(), null));
    }

    @Test
    void aCutTailIsReported() {
        // the cause: the head row was the chain's only anchor, and it is in the same database
        appendDenials(1, 5);

        cutTailTo(3);

        VerifyReport report = ledger.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.firstBadSeq()).isEmpty(); // rows 1 to 3 fit together
        assertThat(report.problems())
                .containsExactly("rows 4 to 5 are missing from the end (the tail was cut): the" + " ledger anchor at "
                        + anchor + " records row 5, the ledger head row 3");
    }

    @Test
    void aLedgerCutToNothingIsReported() {
        appendDenials(1, 2);

        cutTailTo(0);

        assertThat(ledger.verify().problems())
                .singleElement()
                .asString()
                .startsWith("rows 1 to 2 are missing from the end");
    }

    @Test
    void lastRowsRewrittenAndChainedAgainWithTheHeadMovedAreReported() throws Exception {
        appendDenials(1, 5);

        rewriteAndRechainFrom(4);

        VerifyReport report = ledger.verify();
        assertThat(report.firstBadSeq()).isEmpty();
        assertThat(report.problems())
                .containsExactly(
                        "row 5 does not have the hash the ledger anchor at " + anchor
                                + " records: it, or rows before it, were rewritten and chained again (and the head moved to match)");
    }

    @Test
    void aWriterDoesNotMoveTheAnchorOverACutTail() throws Exception {
        appendDenials(1, 5);
        cutTailTo(3);

        appendDenials(6, 9); // rows 4 to 7 again, continuing the cut chain: the anchor's row 5 is not what it was

        assertThat(new AnchorFile(anchor, null).read().slot().head().seq()).isEqualTo(5);
        assertThat(ledger.verify().problems()).singleElement().asString().startsWith("row 5 does not have the hash");
    }

    @Test
    void rowsNewerThanTheAnchorThatChainAreANote() throws Exception {
        appendDenials(1, 2);
        try (Connection tx = db.dataSource().getConnection()) { // outside the group commit, as another node's commit
            tx.setAutoCommit(false);
            ledger.appendInTransaction(tx, LedgerRecords.denied(3));
            ledger.appendInTransaction(tx, LedgerRecords.denied(4));
            tx.commit();
        }

        VerifyReport report = ledger.verify();
        assertThat(report.intact()).isTrue();
        assertThat(report.notes())
                .containsExactly("rows 3 to 4 are newer than the ledger anchor at " + anchor
                        + " (row 2): committed by another node, or just before a stop; the chain covers "
                        + "them, the anchor does not yet");
        ledger.checkAnchor();
        // the next group commit checks row 2 against the anchor and moves it on
        LedgerEntry fifth = ledger.append(LedgerRecords.denied(5));
        assertThat(new AnchorFile(anchor, null).read().slot().head()).isEqualTo(new LedgerRows.Head(5, fifth.hash()));
    }

    @Test
    void aTornAnchorSlotIsTolerated() throws Exception {
        appendDenials(1, 3);
        AnchorState before = new AnchorFile(anchor, null).read();

        AnchorFileTest.tear(anchor, (long) before.index() * AnchorSlot.SIZE); // the newer slot, half written

        VerifyReport report = ledger.verify();
        assertThat(report.intact()).as(report.problem()).isTrue();
        assertThat(report.notes())
                .anySatisfy(n -> assertThat(n).contains("fails its checksum (a torn or partial write)"));
        ledger.checkAnchor();
        ledger.append(LedgerRecords.denied(4));
        assertThat(ledger.verify().notes()).isEmpty();
    }

    @Test
    void anAnchorSealedWithAnotherKeyIsReported() throws Exception {
        JdbcAuditLedger keyed = open(KEY);
        keyed.append(LedgerRecords.denied(1));
        keyed.append(LedgerRecords.denied(2));

        JdbcAuditLedger otherKey = open(Secret.of("another-key-0123456789abcdef-0123456789"));
        assertThat(otherKey.verify().problems())
                .containsExactly("the ledger anchor at " + anchor + " its slot 1 fails"
                        + " its HMAC: it was written by someone without store.anchorKey, or with another key");
        assertThat(ledger.verify().problems())
                .singleElement()
                .asString()
                .contains("is sealed with a key, but store.anchorKey is not set");
        assertThat(keyed.verify().intact()).isTrue();
    }

    @Test
    void anAnchorRewrittenWithoutTheKeyIsReported() throws Exception {
        JdbcAuditLedger keyed = open(KEY);
        keyed.append(LedgerRecords.denied(1));
        keyed.append(LedgerRecords.denied(2));
        cutTailTo(1);
        // the forger rewrites the anchor to match the cut, but has no key
        new AnchorFile(anchor, null)
                .replace(new LedgerRows.Head(1, ledger.tail(1).get(0).hash()), 9);

        assertThat(keyed.verify().problems())
                .singleElement()
                .asString()
                .contains("was written without a key, but store.anchorKey is set");
        assertThatThrownBy(keyed::checkAnchor).isInstanceOf(LedgerAnchorException.class);
    }

    @Test
    void aMissingAnchorOnALedgerWithRowsIsReportedAndNotRecreated() throws Exception {
        appendDenials(1, 2);

        Files.delete(anchor);

        assertThat(ledger.verify().problems())
                .containsExactly("there is no ledger anchor at " + anchor + ", and the"
                        + " ledger has 2 rows: the anchor was deleted, or never written (a ledger from before anchors, a new node,"
                        + " a moved store); without it rows cut from the end cannot be found");
        assertThatThrownBy(ledger::checkAnchor).isInstanceOf(LedgerAnchorException.class);
        ledger.append(LedgerRecords.denied(3));
        assertThat(anchor).doesNotExist();
    }

    @Test
    void theStartRefusesALedgerThatDoesNotMatchItsAnchorAndLeavesTheAnchorAsItWas() throws Exception {
        appendDenials(1, 5);
        ledger.close();
        cutTailTo(3);
        byte[] evidence = Files.readAllBytes(anchor);

        JdbcAuditLedger restarted = JdbcAuditLedger.open(db);
        assertThatThrownBy(restarted::checkAnchor)
                .isInstanceOf(LedgerAnchorException.class)
                .hasMessage("refusing to start: the audit ledger in " + db.url() + " does not match its anchor: rows 4"
                        + " to 5 are missing from the end (the tail was cut): the ledger anchor at " + anchor
                        + " records"
                        + " row 5, the ledger head row 3. The anchor was left as it is. Run bridle audit verify to see"
                        + " what changed; if the store was restored on purpose, bridle audit anchor --accept-current-head"
                        + " makes its head the anchor (docs/ledger.md).");
        restarted.close();

        assertThat(Files.readAllBytes(anchor)).isEqualTo(evidence);
        ledger = JdbcAuditLedger.open(db);
    }

    @Test
    void theStartRefusesRowsPastTheHead() {
        appendDenials(1, 2);
        sql("UPDATE ledger_head SET last_seq = 1, last_hash = (SELECT hash FROM audit_ledger WHERE seq = 1)");
        // the anchor records row 2 too, so this is a cut as well; the message names the first problem
        assertThatThrownBy(ledger::checkAnchor)
                .isInstanceOf(LedgerAnchorException.class)
                .hasMessageContaining("row 2 is missing from the end");
        assertThat(ledger.verify().problems()).hasSize(2).last().asString().startsWith("row 2 is past the ledger head");
    }

    @Test
    void acceptingTheCurrentHeadReplacesTheAnchorAndLogsTheOldOne() throws Exception {
        appendDenials(1, 5);
        cutTailTo(3); // a backup restored on purpose looks just like this
        String old = new AnchorFile(anchor, null).describe();
        Clock clock = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);

        String said = ledger.acceptCurrentHead(clock);

        assertThat(said).startsWith("the ledger anchor at " + anchor + " now records row 3");
        assertThat(Files.readString(log()))
                .startsWith("2026-03-01T10:00:00Z accepted the ledger head row 3 hash=")
                .contains("in place of: " + old)
                .contains("seq=5");
        assertThat(ledger.verify().intact()).isTrue();
        ledger.checkAnchor();
        ledger.append(LedgerRecords.denied(6));
        assertThat(ledger.verify().notes()).isEmpty();
    }

    @Test
    void acceptingStartsAnAnchorForALedgerThatHadNone() throws Exception {
        appendDenials(1, 2);
        Files.delete(anchor); // as a ledger from before anchors

        ledger.acceptCurrentHead(Clock.systemUTC());

        assertThat(Files.readString(log())).contains("in place of: no file");
        ledger.checkAnchor();
    }

    @Test
    void acceptingRefusesAChainThatIsBroken() {
        appendDenials(1, 3);
        sql("UPDATE audit_ledger SET reason = 'DRY_RUN' WHERE seq = 2");

        assertThatThrownBy(() -> ledger.acceptCurrentHead(Clock.systemUTC()))
                .isInstanceOf(LedgerAnchorException.class)
                .hasMessageContaining("row 2 was edited");
        assertThat(log()).doesNotExist();
    }

    @Test
    void verifyWhileAppendsRunRaisesNoFalseAlarm() throws Exception {
        appendDenials(1, 3);
        JdbcAuditLedger reader = open(null); // as `bridle audit verify` next to the running node
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(3);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 3; t++) {
                int thread = t;
                running.add(writers.submit(() -> {
                    for (int i = 0; !stop.get(); i++) {
                        ledger.append(LedgerRecords.denied(1000 * thread + i % 1000));
                    }
                }));
            }
            long checked = 0;
            for (int round = 0; round < 40; round++) {
                VerifyReport report = reader.verify();
                assertThat(report.problems()).as("round " + round).isEmpty();
                assertThat(report.rowsChecked()).isGreaterThanOrEqualTo(checked);
                checked = report.rowsChecked();
            }
            stop.set(true);
            for (Future<?> f : running) {
                f.get();
            }
            assertThat(checked).as("appends ran during the verifies").isGreaterThan(3);
        } finally {
            stop.set(true);
            writers.shutdownNow();
        }
        assertThat(reader.verify().intact()).isTrue();
    }

    @Test
    void rowsForgedPastTheHeadAreNeverReadAndAreReported() {
        // the cause: tail and the start-up query read the table, not the chain, so rows past the head counted
        UUID allowed = UUID.randomUUID();
        ledger.append(post(allowed, LedgerEvent.ALLOWED, 0));
        ledger.append(LedgerRecords.denied(2));
        UUID forgedRequest = UUID.randomUUID();
        forgePastTheHead(post(allowed, LedgerEvent.SENT, 1), post(forgedRequest, LedgerEvent.ALLOWED, 1));

        assertThat(ledger.tail(10)).extracting(LedgerEntry::seq).containsExactly(1L, 2L);
        // a SENT forged past the head settles nothing, and an ALLOWED forged there is not recovered
        assertThat(ledger.unsettled(LedgerRecords.T0.minusSeconds(60)))
                .extracting(e -> e.record().requestId())
                .containsExactly(allowed);
        VerifyReport report = ledger.verify();
        assertThat(report.intact()).isFalse();
        assertThat(report.problems())
                .containsExactly("rows 3 to 4 are past the ledger head (which records row 2):"
                        + " in the table but not in the chain (forged, or left by a failed write); no read "
                        + "but verify looks at them");
    }

    /** Inserts rows chained onto the head, as a forger would, without moving the head. */
    private void forgePastTheHead(LedgerRecord... records) {
        LedgerEntry last = ledger.tail(1).get(0);
        List<LedgerEntry> forged = new ArrayList<>();
        String prev = last.hash();
        long seq = last.seq();
        for (LedgerRecord r : records) {
            LedgerRecord kept = LedgerRows.normalised(r);
            String hash = ChainHash.of(prev, ++seq, kept);
            forged.add(new LedgerEntry(seq, kept, prev, hash));
            prev = hash;
        }
        try (Connection c = db.dataSource().getConnection()) {
            LedgerRows.insert(c, forged);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static LedgerRecord post(UUID id, LedgerEvent event, int seconds) {
        return new LedgerRecord(
                LedgerRecords.T0.plusSeconds(seconds),
                id,
                "poster",
                "acme_news",
                "POST",
                List.of(),
                ContentHash.sha256Hex("text"),
                event,
                null,
                null,
                null,
                null,
                null,
                null);
    }

    /**
     * Another ledger on this store, its anchor sealed with {@code key}, as another process configured so would open it.
     */
    private JdbcAuditLedger open(Secret key) {
        StoreConfig keyed = new StoreConfig(config.url(), config.username(), config.password(), anchor, key);
        Database other = Database.open(keyed);
        JdbcAuditLedger l = JdbcAuditLedger.open(other);
        opened.add(0, other);
        opened.add(0, l);
        return l;
    }
}
