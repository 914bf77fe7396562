package dev.bridle.internal.audit;

import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.internal.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger's single writer. Callers queue records and wait; the writer takes whatever is waiting (up to
 * {@link #MAX_BATCH}), appends it in one transaction, forces it to disk, and only then releases the callers. One commit
 * and one disk sync serve every caller in the batch. A caller may also queue without waiting ({@link #enqueue}): the
 * record goes into a batch all the same, in queue order. A batch of such records alone waits up to
 * {@link #DEFAULT_LINGER} for a caller who does wait, so that both share one disk sync: a sent action's outcome then
 * rides with the next action's decision instead of costing a sync of its own in front of it.
 *
 * <p>Inside the transaction the head row is locked, so writers on other nodes sharing the database wait their turn and
 * continue the same chain from the head they find.
 *
 * <p>After each batch is on disk, and at close, the {@link AnchorKeeper} writes the new head to the anchor file outside
 * the database: a small write to the page cache, not synced (the database's sync came first, so a lost anchor write
 * leaves the anchor behind, never ahead).
 */
final class GroupCommitWriter implements AutoCloseable {

    /** The most records one transaction appends. */
    static final int MAX_BATCH = 512;

    /** How long records nobody waits for wait for company before they are written alone. */
    static final Duration DEFAULT_LINGER = Duration.ofMillis(20);

    private static final Pending STOP = new Pending(null, null, Kind.STOP);

    private final Database db;
    private final AnchorKeeper anchor;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object gate = new Object();
    private final Thread thread;
    private final long lingerNanos;
    private boolean closed;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();

    /** A caller waits for it; nobody does; a reader's marker (everything before it settled); the end. */
    private enum Kind {
        WAITED,
        QUEUED,
        FLUSH,
        STOP
    }

    private record Pending(LedgerRecord record, CompletableFuture<LedgerEntry> done, Kind kind) {}

    GroupCommitWriter(Database db) {
        this(db, DEFAULT_LINGER, AnchorKeeper.NONE);
    }

    GroupCommitWriter(Database db, Duration linger, AnchorKeeper anchor) {
        this.db = db;
        this.anchor = anchor;
        this.lingerNanos = linger.toNanos();
        this.thread = new Thread(this::run, "bridle-ledger-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues the record and waits until it is committed and on disk. */
    LedgerEntry append(LedgerRecord record) {
        return await(queue(record, Kind.WAITED));
    }

    /** Queues the record and returns at once; the future completes when it is committed and on disk. */
    CompletableFuture<LedgerEntry> enqueue(LedgerRecord record) {
        return queue(record, Kind.QUEUED);
    }

    private CompletableFuture<LedgerEntry> queue(LedgerRecord record, Kind kind) {
        Pending pending = new Pending(record, new CompletableFuture<>(), kind);
        synchronized (gate) { // nothing is queued behind STOP
            if (closed) {
                throw new LedgerUnavailableException("the ledger is closed");
            }
            queue.add(pending);
        }
        return pending.done();
    }

    /**
     * Waits until every record queued so far is committed (or has failed): batches are written in queue order, and the
     * marker queued here is settled with the batch it lands in, at once.
     */
    void drain() {
        Pending marker = new Pending(null, new CompletableFuture<>(), Kind.FLUSH);
        synchronized (gate) {
            if (closed) {
                return; // close() wrote everything
            }
            queue.add(marker);
        }
        await(marker.done());
    }

    /** Waits even if interrupted: the record may be committed, and the caller must know. */
    private LedgerEntry await(CompletableFuture<LedgerEntry> done) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return done.get();
                } catch (InterruptedException e) {
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw new LedgerUnavailableException(
                            "cannot append to the ledger in " + db.url() + ": "
                                    + e.getCause().getMessage(),
                            e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        List<Pending> markers = new ArrayList<>();
        boolean stop = false;
        while (!stop) {
            batch.clear();
            markers.clear();
            batch.add(takeUninterruptibly());
            queue.drainTo(batch, MAX_BATCH - 1);
            if (batch.size() < MAX_BATCH && batch.stream().allMatch(p -> p.kind() == Kind.QUEUED)) {
                Pending company = pollFor(lingerNanos);
                if (company != null) {
                    batch.add(company);
                    queue.drainTo(batch, MAX_BATCH - batch.size());
                }
            }
            stop = batch.remove(STOP);
            batch.removeIf(p -> p.kind() == Kind.FLUSH && markers.add(p));
            if (!batch.isEmpty()) {
                commit(batch);
            }
            markers.forEach(m -> m.done().complete(null));
        }
    }

    /** The next pending item within {@code nanos}, or {@code null}. */
    private Pending pollFor(long nanos) {
        try {
            return queue.poll(nanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            return null; // nobody interrupts the writer; if someone does, write what there is
        }
    }

    private Pending takeUninterruptibly() {
        while (true) {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                // only close() stops the writer, by queueing STOP, so that no caller is left waiting
            }
        }
    }

    private void commit(List<Pending> batch) {
        try {
            List<LedgerEntry> entries = write(batch);
            commits.incrementAndGet();
            committed.addAndGet(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).done().complete(entries.get(i));
            }
        } catch (SQLException | RuntimeException | Error e) {
            // every waiting caller hears of it, and the writer lives on for the next batch
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    private List<LedgerEntry> write(List<Pending> batch) throws SQLException {
        List<LedgerEntry> entries;
        try (Connection c = db.dataSource().getConnection()) {
            c.setAutoCommit(false);
            try {
                entries = ChainAppend.append(
                        c, batch.stream().map(Pending::record).toList());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
            c.setAutoCommit(true); // the pool resets it anyway when a failed connection goes back
            db.forceToDisk(c);
            // only now, with the rows on disk: an anchor may lag the ledger after a crash, never lead it
            LedgerEntry first = entries.get(0);
            LedgerEntry last = entries.get(entries.size() - 1);
            anchor.committed(
                    new LedgerRows.Head(first.seq() - 1, first.prevHash()),
                    new LedgerRows.Head(last.seq(), last.hash()),
                    seq -> LedgerRows.hashAt(c, seq));
        }
        return entries;
    }

    private static void rollback(Connection c, Exception cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    /** Transactions committed and forced to disk so far. */
    long commits() {
        return commits.get();
    }

    /** Records those transactions carried. */
    long committed() {
        return committed.get();
    }

    /** Appends what is queued, then stops the writer. */
    @Override
    public void close() {
        synchronized (gate) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        anchor.close(seq -> {
            try (Connection c = db.dataSource().getConnection()) {
                return LedgerRows.hashAt(c, seq);
            }
        });
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
