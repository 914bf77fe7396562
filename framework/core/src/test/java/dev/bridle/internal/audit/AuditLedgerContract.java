package dev.bridle.internal.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.audit.VerifyReport;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.internal.text.ContentHash;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLedger} on a database must do; one subclass per database. */
abstract class AuditLedgerContract extends StoreTestBase {

    private static final int THREADS = 8;
    private static final int PER_THREAD = 50;

    JdbcAuditLedger ledger;
    Path anchor;

    @BeforeEach
    void emptyLedger() throws IOException {
        sql("DELETE FROM audit_ledger", "UPDATE ledger_head SET last_seq = 0, last_hash = '" + ChainHash.GENESIS + "'");
        anchor = AnchorLocation.of(db).orElseThrow();
        Files.deleteIfExists(anchor); // the last test's, as a new store has none
        Files.deleteIfExists(anchor.resolveSibling(anchor.getFileName() + ".log"));
        ledger = JdbcAuditLedger.open(db);
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    private void appendDenials(int n) {
        for (int i = 1; i <= n; i++) {
            ledger.append(LedgerRecords.denied(i));
        }
    }

    @Test
    void aRecordRoundTripsEveryField() {
        LedgerEntry written = ledger.append(LedgerRecords.everyField());
        LedgerEntry blank = ledger.append(LedgerRecords.botError());

        assertThat(ledger.tail(2)).containsExactly(written, blank);
        assertThat(written.record()).isEqualTo(LedgerRecords.everyField());
        assertThat(written.seq()).isEqualTo(1);
        assertThat(written.prevHash()).isEqualTo(ChainHash.GENESIS);
        assertThat(blank.prevHash()).isEqualTo(written.hash());
    }

    @Test
    void timeIsKeptToTheMicrosecond() {
        LedgerRecord nanos = withTime(LedgerRecords.botError(), Instant.parse("2025-03-01T09:00:00.123456789Z"));

        LedgerEntry entry = ledger.append(nanos);

        assertThat(entry.record().at()).isEqualTo(Instant.parse("2025-03-01T09:00:00.123456Z"));
        assertThat(ledger.tail(1)).containsExactly(entry);
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void unsettledRequestsAreThoseAllowedWithoutAFinalOutcome() {
        UUID crashed = UUID.randomUUID();
        UUID inDoubt = UUID.randomUUID();
        UUID sent = UUID.randomUUID();
        UUID deniedByTheFinalCheck = UUID.randomUUID();
        UUID deferredByThePlatform = UUID.randomUUID();
        UUID reconciledAndFailed = UUID.randomUUID();
        UUID tooOld = UUID.randomUUID();
        ledger.append(row(tooOld, LedgerEvent.ALLOWED, -3600));
        for (UUID id :
                List.of(crashed, inDoubt, sent, deniedByTheFinalCheck, deferredByThePlatform, reconciledAndFailed)) {
            ledger.append(row(id, LedgerEvent.ALLOWED, 0));
        }
        ledger.append(LedgerRecords.denied(1));
        ledger.append(row(inDoubt, LedgerEvent.IN_DOUBT, 1));
        ledger.append(row(sent, LedgerEvent.SENT, 1));
        ledger.append(row(deniedByTheFinalCheck, LedgerEvent.DENIED, 1));
        ledger.append(row(deferredByThePlatform, LedgerEvent.DEFERRED, 1));
        ledger.append(row(reconciledAndFailed, LedgerEvent.IN_DOUBT, 1));
        ledger.append(row(reconciledAndFailed, LedgerEvent.RECONCILED, 2));
        ledger.append(row(reconciledAndFailed, LedgerEvent.FAILED, 2));

        List<LedgerEntry> unsettled = ledger.unsettled(LedgerRecords.T0.minusSeconds(60));

        assertThat(unsettled)
                .extracting(e -> e.record().requestId() + " " + e.record().event())
                .containsExactly(crashed + " ALLOWED", inDoubt + " ALLOWED", inDoubt + " IN_DOUBT");
    }

    private static LedgerRecord row(UUID id, LedgerEvent event, int seconds) {
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

    @Test
    void anEmptyLedgerIsIntact() {
        assertThat(ledger.verify()).isEqualTo(new VerifyReport(0, java.util.OptionalLong.empty(), null));
    }

    @Test
    void concurrentAppendsFormOneContiguousChain() throws Exception {
        List<LedgerEntry> returned = appendConcurrently(List.of(ledger), THREADS);

        int total = THREADS * PER_THREAD;
        assertThat(returned)
                .extracting(LedgerEntry::seq)
                .containsExactlyInAnyOrderElementsOf(
                        LongStream.rangeClosed(1, total).boxed().toList());
        assertThat(ledger.tail(total))
                .extracting(LedgerEntry::seq)
                .containsExactlyElementsOf(
                        LongStream.rangeClosed(1, total).boxed().toList());
        VerifyReport report = ledger.verify();
        assertThat(report.intact()).as(report.problem()).isTrue();
        assertThat(report.rowsChecked()).isEqualTo(total);
    }

    @Test
    void twoWritersOnOneDatabaseKeepOneChain() throws Exception {
        // as two nodes sharing the database would: each has its own writer, the head row orders them
        try (JdbcAuditLedger other = JdbcAuditLedger.open(db)) {
            appendConcurrently(List.of(ledger, other), THREADS);
        }
        VerifyReport report = ledger.verify();
        assertThat(report.intact()).as(report.problem()).isTrue();
        assertThat(report.rowsChecked()).isEqualTo(THREADS * PER_THREAD);
    }

    private List<LedgerEntry> appendConcurrently(List<JdbcAuditLedger> ledgers, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<List<LedgerEntry>>> tasks = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                JdbcAuditLedger target = ledgers.get(t % ledgers.size());
                int thread = t;
                tasks.add(() -> {
                    start.await();
                    List<LedgerEntry> mine = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        mine.add(target.append(LedgerRecords.denied(thread * PER_THREAD + i)));
                    }
                    return mine;
                });
            }
            List<Future<List<LedgerEntry>>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            start.countDown();
            List<LedgerEntry> all = new ArrayList<>();
            for (Future<List<LedgerEntry>> f : futures) {
                all.addAll(f.get());
            }
            return all;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anEditedFieldIsReportedAtItsRow() {
        appendDenials(5);

        sql("UPDATE audit_ledger SET reason = 'DRY_RUN' WHERE seq = 3");

        VerifyReport report = ledger.verify();
        assertThat(report.firstBadSeq()).hasValue(3);
        assertThat(report.problem()).isEqualTo("row 3 was edited: its hash does not match its contents");
    }

    @Test
    void anEditedTimeIsReported() {
        appendDenials(3);

        sql("UPDATE audit_ledger SET recorded_at = recorded_at + INTERVAL '1' SECOND WHERE seq = 2");

        assertThat(ledger.verify().firstBadSeq()).hasValue(2);
    }

    @Test
    void anUnreadableEditIsReportedAtItsRow() {
        appendDenials(4);

        sql("UPDATE audit_ledger SET event = 'SENT!' WHERE seq = 2");

        VerifyReport report = ledger.verify();
        assertThat(report.firstBadSeq()).hasValue(2);
        assertThat(report.problem()).isEqualTo("row 2 was edited: its event 'SENT!' is not a ledger event");
    }

    @Test
    void aDeletedRowIsReportedAtTheRowAfterTheGap() {
        appendDenials(5);

        sql("DELETE FROM audit_ledger WHERE seq = 3");

        VerifyReport report = ledger.verify();
        assertThat(report.firstBadSeq()).hasValue(4);
        assertThat(report.problem()).isEqualTo("row 4 follows a gap: row 3 is missing (deleted)");
    }

    @Test
    void deletedRowsAtTheEndAreReported() {
        appendDenials(5);

        sql("DELETE FROM audit_ledger WHERE seq >= 4");

        VerifyReport report = ledger.verify();
        assertThat(report.firstBadSeq()).hasValue(4);
        assertThat(report.problem())
                .isEqualTo("rows 4 to 5 are missing from the end (deleted): the ledger head records 5 rows");
    }

    @Test
    void swappedRowsAreReportedAtTheFirstOfThem() {
        appendDenials(5);

        sql(
                "UPDATE audit_ledger SET seq = -1 WHERE seq = 2",
                "UPDATE audit_ledger SET seq = 2 WHERE seq = 3",
                "UPDATE audit_ledger SET seq = 3 WHERE seq = -1");

        VerifyReport report = ledger.verify();
        assertThat(report.firstBadSeq()).hasValue(2);
        assertThat(report.problem())
                .isEqualTo("row 2 does not follow row 1: its prev_hash is not that"
                        + " row's hash (rows were reordered, inserted or replaced)");
    }

    @Test
    void aRowRewrittenWithAFreshHashIsReportedAtTheNextRow() {
        appendDenials(4);
        LedgerEntry second = ledger.tail(3).get(0);
        String forged = ChainHash.of(second.prevHash(), 2, withTime(second.record(), LedgerRecords.T0));

        sql("UPDATE audit_ledger SET recorded_at = TIMESTAMP WITH TIME ZONE '2025-03-01 09:00:00.123456+00:00',"
                + " hash = '" + forged + "' WHERE seq = 2");

        assertThat(ledger.verify().firstBadSeq()).hasValue(3);
    }

    @Test
    void tailIsTheLastRowsOldestFirst() {
        appendDenials(5);

        assertThat(ledger.tail(3)).extracting(LedgerEntry::seq).containsExactly(3L, 4L, 5L);
        assertThat(ledger.tail(3))
                .extracting(e -> e.record().at())
                .containsExactly(
                        LedgerRecords.T0.plusSeconds(3),
                        LedgerRecords.T0.plusSeconds(4),
                        LedgerRecords.T0.plusSeconds(5));
        assertThat(ledger.tail(10)).hasSize(5);
        assertThat(ledger.tail(0)).isEmpty();
        assertThatThrownBy(() -> ledger.tail(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAsyncAppendIsReadBackAtOnceInQueueOrder() throws Exception {
        ledger.append(LedgerRecords.denied(1));
        var second = ledger.appendAsync(LedgerRecords.denied(2));
        LedgerEntry third = ledger.append(LedgerRecords.denied(3));

        // tail waits for what was queued before it: this process reads what it appended
        assertThat(ledger.tail(3)).extracting(LedgerEntry::seq).containsExactly(1L, 2L, 3L);
        assertThat(second.get().seq()).isEqualTo(2);
        assertThat(second.get().record()).isEqualTo(LedgerRecords.denied(2));
        assertThat(third.prevHash()).isEqualTo(second.get().hash());
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void asyncAppendsQueuedBeforeCloseAreWrittenAndSurviveARestart() {
        for (int i = 1; i <= 20; i++) {
            ledger.appendAsync(LedgerRecords.denied(i));
        }
        ledger.close();

        reopen();
        ledger = JdbcAuditLedger.open(db);

        assertThat(ledger.tail(100))
                .extracting(LedgerEntry::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 20).boxed().toList());
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void groupCommitsAndTheRecordsTheyCarriedAreCounted() {
        appendDenials(3);
        ledger.appendAsync(LedgerRecords.denied(4));
        ledger.tail(1);

        assertThat(ledger.recordsGroupCommitted()).isEqualTo(4);
        assertThat(ledger.groupCommits()).isBetween(1L, 4L);
    }

    @Test
    void anAsyncRecordRidesWithTheNextAppendThatIsWaitedFor() throws Exception {
        ledger.close();
        ledger = JdbcAuditLedger.open(db, Duration.ofSeconds(30));

        var outcome = ledger.appendAsync(LedgerRecords.denied(1));
        LedgerEntry decision = ledger.append(LedgerRecords.denied(2));

        assertThat(outcome.get(5, TimeUnit.SECONDS).seq()).isEqualTo(1);
        assertThat(decision.seq()).isEqualTo(2);
        assertThat(ledger.groupCommits()).isEqualTo(1);
        assertThat(ledger.recordsGroupCommitted()).isEqualTo(2);
    }

    @Test
    void anAsyncRecordWithoutCompanyIsWrittenAfterTheLinger() throws Exception {
        ledger.close();
        ledger = JdbcAuditLedger.open(db, Duration.ofMillis(50));

        assertThat(ledger.appendAsync(LedgerRecords.denied(1))
                        .get(10, TimeUnit.SECONDS)
                        .seq())
                .isEqualTo(1);
    }

    @Test
    void readersAndCloseDoNotWaitForTheLinger() {
        ledger.close();
        ledger = JdbcAuditLedger.open(db, Duration.ofSeconds(30));

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            ledger.appendAsync(LedgerRecords.denied(1));
            assertThat(ledger.tail(1)).extracting(LedgerEntry::seq).containsExactly(1L);
            ledger.appendAsync(LedgerRecords.denied(2));
            ledger.close();
        });
        reopen();
        ledger = JdbcAuditLedger.open(db);
        assertThat(ledger.tail(5)).extracting(LedgerEntry::seq).containsExactly(1L, 2L);
    }

    @Test
    void anAsyncAppendToAClosedLedgerIsRefusedAtOnce() {
        ledger.close();

        assertThatThrownBy(() -> ledger.appendAsync(LedgerRecords.denied(1)))
                .isInstanceOf(LedgerUnavailableException.class);
    }

    @Test
    void anAsyncAppendOfTextInPlaceOfAHashIsRefusedAtOnce() {
        LedgerRecord r = LedgerRecords.denied(1);
        LedgerRecord withText = new LedgerRecord(
                r.at(),
                r.requestId(),
                r.bot(),
                r.account(),
                r.actionKind(),
                r.targets(),
                "Thanks for the mention!",
                r.event(),
                r.guard(),
                r.reason(),
                r.rule(),
                r.message(),
                r.platformId(),
                r.error());

        assertThatThrownBy(() -> ledger.appendAsync(withText))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never stores the text");
        assertThat(ledger.tail(1)).isEmpty();
    }

    @Test
    void theChainContinuesAfterARestart() {
        appendDenials(3);
        ledger.close();

        reopen();
        ledger = JdbcAuditLedger.open(db);
        LedgerEntry fourth = ledger.append(LedgerRecords.denied(4));

        assertThat(fourth.seq()).isEqualTo(4);
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void anAppendInACallersTransactionJoinsTheChainWhenCommitted() throws Exception {
        appendDenials(2);
        try (Connection tx = db.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            LedgerEntry reserved = ledger.appendInTransaction(tx, LedgerRecords.everyField());
            tx.commit();
            tx.setAutoCommit(true);
            db.forceToDisk(tx);
            assertThat(reserved.seq()).isEqualTo(3);
        }
        LedgerEntry after = ledger.append(LedgerRecords.botError());

        assertThat(after.seq()).isEqualTo(4);
        assertThat(ledger.tail(2).get(0).record()).isEqualTo(LedgerRecords.everyField());
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void anAppendInACallersTransactionVanishesOnRollback() throws Exception {
        appendDenials(2);
        try (Connection tx = db.dataSource().getConnection()) {
            tx.setAutoCommit(false);
            ledger.appendInTransaction(tx, LedgerRecords.everyField());
            tx.rollback();
        }

        assertThat(ledger.append(LedgerRecords.botError()).seq()).isEqualTo(3);
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void textInPlaceOfAContentHashIsRefused() {
        LedgerRecord r = LedgerRecords.denied(1);
        LedgerRecord withText = new LedgerRecord(
                r.at(),
                r.requestId(),
                r.bot(),
                r.account(),
                r.actionKind(),
                r.targets(),
                "Thanks for the mention!",
                r.event(),
                r.guard(),
                r.reason(),
                r.rule(),
                r.message(),
                r.platformId(),
                r.error());

        assertThatThrownBy(() -> ledger.append(withText))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("never stores the text");
        assertThat(ledger.tail(1)).isEmpty();
    }

    @Test
    void anAppendFailsClosedWhenTheStoreIsDown() {
        appendDenials(1);
        db.close();
        try {
            assertThatThrownBy(() -> ledger.append(LedgerRecords.denied(2)))
                    .isInstanceOf(LedgerUnavailableException.class)
                    .hasMessageStartingWith("cannot append to the ledger in " + db.url() + ": ");
        } finally {
            reopen();
        }
        JdbcAuditLedger reopened = JdbcAuditLedger.open(db);
        assertThat(reopened.tail(5)).hasSize(1);
        reopened.close();
    }

    @Test
    void appendsAfterCloseAreRefused() {
        ledger.close();

        assertThatThrownBy(() -> ledger.append(LedgerRecords.denied(1)))
                .isInstanceOf(LedgerUnavailableException.class)
                .hasMessage("the ledger is closed");
    }

    static LedgerRecord withTime(LedgerRecord r, Instant at) {
        return new LedgerRecord(
                at,
                r.requestId(),
                r.bot(),
                r.account(),
                r.actionKind(),
                r.targets(),
                r.contentHash(),
                r.event(),
                r.guard(),
                r.reason(),
                r.rule(),
                r.message(),
                r.platformId(),
                r.error());
    }
}
