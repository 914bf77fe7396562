package dev.bridle.internal.audit;

import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerAnchorException;
import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.audit.VerifyReport;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import dev.bridle.internal.text.ContentHash;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The audit ledger in the store's {@code audit_ledger} table (H2 or PostgreSQL).
 *
 * <p>Appends from many threads are group-committed: one writer thread puts every waiting record into one transaction,
 * and {@link #append} returns when that transaction is committed and forced to disk (see {@link Database#forceToDisk}).
 * Each row's hash is SHA-256 over the previous row's hash and an unambiguous encoding of all the row's fields, seq
 * included. Nodes sharing a PostgreSQL database keep one chain: each batch locks the {@code ledger_head} row, reads the
 * last seq and hash from it, writes its rows and moves the head on.
 *
 * <p>The time of a record is kept to the microsecond, what both databases store; the entry that {@code append} returns
 * carries the record as kept. Text is never stored: a record holds only a {@link ContentHash}, and {@code append}
 * refuses anything else in that field.
 *
 * <p>{@link #appendAsync} queues a record for the same group commit without waiting for it; a batch of such records
 * alone waits up to 20 ms for an append that is waited for, so that both share one disk sync. {@link #tail},
 * {@link #unsettled} and {@link #verify} first wait for everything queued before them (without that delay), so this
 * process always reads what it appended.
 *
 * <p>{@link #appendInTransaction} appends within a caller's own transaction instead, for a record that must commit
 * atomically with other writes.
 *
 * <p>Every read stops at the head: rows past it are in the table but not in the chain, and only {@link #verify} looks
 * at them (to report them). After each group commit the head is written to an anchor file outside the database, which
 * {@link #verify} and, before the runtime starts, {@link #checkAnchor} compare the chain's end with
 * ({@code docs/ledger.md}).
 *
 * <pre>{@code
 * try (JdbcAuditLedger ledger = JdbcAuditLedger.open(db)) {
 *     LedgerEntry e = ledger.append(record);
 *     VerifyReport report = ledger.verify();
 * }
 * }</pre>
 */
public final class JdbcAuditLedger implements AuditLedger, AutoCloseable {

    private final Database db;
    private final Optional<AnchorFile> anchorFile;
    private final AnchorGate gate;
    private final LedgerVerifier verifier;
    private final GroupCommitWriter writer;

    private JdbcAuditLedger(Database db, Duration linger) {
        this.db = db;
        this.anchorFile = AnchorLocation.of(db)
                .map(path -> new AnchorFile(path, db.config().anchorKey()));
        this.gate = new AnchorGate(db, anchorFile);
        this.verifier = new LedgerVerifier(db, gate);
        this.writer = new GroupCommitWriter(
                db, linger, anchorFile.map(AnchorKeeper::new).orElse(AnchorKeeper.NONE));
    }

    /**
     * A ledger over a migrated database, with its writer thread started. Its anchor file is where {@code store.anchor}
     * says, else beside an H2 file or under {@code ./data/} for PostgreSQL (none for H2 in memory); see
     * {@code docs/ledger.md}.
     */
    public static JdbcAuditLedger open(Database db) {
        return new JdbcAuditLedger(db, GroupCommitWriter.DEFAULT_LINGER);
    }

    /** As {@link #open(Database)}, with records nobody waits for waiting {@code linger} for company (tests). */
    static JdbcAuditLedger open(Database db, Duration linger) {
        return new JdbcAuditLedger(db, linger);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException if a field is too long for its column or the content hash is not a SHA-256 hex
     *     string
     * @throws LedgerUnavailableException if the record could not be committed and made durable
     */
    @Override
    public LedgerEntry append(LedgerRecord record) {
        return writer.append(LedgerRows.normalised(record));
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalArgumentException as {@link #append}
     * @throws LedgerUnavailableException if the ledger is closed
     */
    @Override
    public CompletableFuture<LedgerEntry> appendAsync(LedgerRecord record) {
        return writer.enqueue(LedgerRows.normalised(record));
    }

    /**
     * Appends inside the caller's transaction, so that the record commits or rolls back together with the caller's
     * other writes (a reservation, say). The connection must have auto-commit off. The ledger head stays locked until
     * the caller's transaction ends, which holds up every other append meanwhile: keep the transaction short. The
     * record is durable only once the caller has committed and then called {@link Database#forceToDisk}.
     *
     * @throws IllegalArgumentException as {@link #append}
     * @throws SQLException if the database refuses; the caller should roll back
     */
    public LedgerEntry appendInTransaction(Connection tx, LedgerRecord record) throws SQLException {
        if (tx.getAutoCommit()) {
            throw new IllegalArgumentException("appendInTransaction needs a connection with auto-commit off");
        }
        return ChainAppend.append(tx, List.of(LedgerRows.normalised(record))).get(0);
    }

    @Override
    public List<LedgerEntry> tail(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("tail(n) needs n >= 0, got " + n);
        }
        List<LedgerEntry> rows = query(LedgerRows.LAST_N, ps -> ps.setInt(1, n));
        Collections.reverse(rows);
        return rows;
    }

    /**
     * Every row, oldest first, of each request whose latest ALLOWED decision, made at or after {@code since}, has no
     * outcome after it (no SENT, FAILED, DENIED or DEFERRED row): the rows from that decision on say how far it got
     * (ALLOWED, IN_DOUBT or RECONCILED); earlier rows are the request's past runs, a deferred action being decided
     * again each time it runs. These are the actions to reconcile with the platform at start-up; none of them is ever
     * re-sent automatically. Only rows up to the head count, outcomes too: a SENT forged past the head settles nothing.
     */
    public List<LedgerEntry> unsettled(Instant since) {
        return query(LedgerRows.UNSETTLED, ps -> ps.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC)));
    }

    /** The last row of request {@code requestId}, if it has any. */
    public Optional<LedgerEntry> last(UUID requestId) {
        return query(LedgerRows.LAST_OF_REQUEST, ps -> ps.setObject(1, requestId)).stream()
                .findFirst();
    }

    /** Rows of {@code sql} in the order it gives, after what was queued for writing is written. */
    private List<LedgerEntry> query(String sql, Sql.Binder binder) {
        writer.drain();
        List<LedgerEntry> rows = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(LedgerRows.read(rs));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the ledger in " + db.url() + ": " + e.getMessage(), e);
        } catch (LedgerRows.MalformedRow e) {
            throw new StoreException(
                    "cannot read the ledger in " + db.url() + ": " + e.getMessage() + "; run bridle audit verify");
        }
        return rows;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Also checks the chain's ends: that it reaches the head the anchor file outside the database records, with the
     * hash recorded there, and that no row lies past the head. The head and the rows are read in one snapshot, and the
     * anchor just before it, so appends made meanwhile are left for the next verify rather than mistaken for tampering.
     * Rows newer than the anchor that chain correctly (another node's, or written just before a stop) are a note, not a
     * problem.
     */
    @Override
    public VerifyReport verify() {
        writer.drain();
        return verifier.verify();
    }

    /**
     * Checks the ledger against its anchor before the runtime starts. Writes nothing, so that the evidence stays as it
     * is when the check fails.
     *
     * @throws LedgerAnchorException in one line saying what does not match, where, and what to do: rows cut from the
     *     end, the row at the anchor's seq rewritten, rows past the head, an anchor that fails its checksum or seal, or
     *     no anchor for a ledger with rows
     */
    public void checkAnchor() {
        gate.checkAtStartup();
    }

    /** The anchor file outside the database, or empty for a store in memory. */
    public Optional<Path> anchorFile() {
        return anchorFile.map(AnchorFile::path);
    }

    /** What the anchor file records, as a sentence for the operator. */
    @Override
    public String describeAnchor() {
        AnchorState state = gate.state();
        return switch (state.kind()) {
            case NONE -> "the store is an H2 database in memory: its ledger has no anchor";
            case MISSING -> "there is no ledger anchor at " + state.file();
            case INVALID -> "the ledger anchor at " + state.file() + " " + state.problem();
            case VALID ->
                "the ledger anchor at " + state.file() + " records row "
                        + state.slot().head().seq()
                        + " (hash " + state.slot().head().hash() + ", write "
                        + state.slot().generation() + ")"
                        + (state.note() == null ? "" : "; " + state.note());
        };
    }

    /**
     * The operator's step for a store restored on purpose, an upgrade from a ledger without an anchor, a new node or a
     * new key: makes the current head the anchor, after appending what the old anchor said to {@code <anchor>.log}.
     * Returns a sentence saying what was done.
     *
     * @throws LedgerAnchorException if the chain is broken or rows lie past the head
     * @throws LedgerAnchorException also if the store is in memory
     * @throws java.io.UncheckedIOException if the anchor or its log cannot be written
     */
    @Override
    public String acceptCurrentHead(Clock clock) {
        writer.drain();
        AnchorFile file = anchorFile.orElseThrow(() ->
                new LedgerAnchorException("the store is an H2 database in memory: its ledger has no anchor to accept"));
        AnchorAcceptance.Accepted done = AnchorAcceptance.accept(db, file, clock);
        return "the ledger anchor at " + done.anchor() + " now records row " + done.seq() + " (hash " + done.hash()
                + "); what it recorded before is in " + done.log() + ": " + done.replaced();
    }

    /** Group commits so far (each one transaction and one disk sync), for metrics and the benchmarks. */
    public long groupCommits() {
        return writer.commits();
    }

    /** Records appended by those group commits; divided by {@link #groupCommits()}, the records each carried. */
    public long recordsGroupCommitted() {
        return writer.committed();
    }

    /** Appends what is already queued, then stops the writer; the database stays open. */
    @Override
    public void close() {
        writer.close();
    }
}
