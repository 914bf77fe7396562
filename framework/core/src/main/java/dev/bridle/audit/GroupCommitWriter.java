package dev.bridle.audit;

import dev.bridle.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger's single writer. Callers queue records and wait; the writer takes whatever is
 * waiting (up to {@link #MAX_BATCH}), appends it in one transaction, forces it to disk, and only
 * then releases the callers. One commit and one disk sync serve every caller in the batch.
 * A caller may also queue without waiting ({@link #enqueue}): the record goes into the next batch
 * all the same, in queue order.
 *
 * <p>Inside the transaction the head row is locked, so writers on other nodes sharing the
 * database wait their turn and continue the same chain from the head they find.
 */
final class GroupCommitWriter implements AutoCloseable {

    /** The most records one transaction appends. */
    static final int MAX_BATCH = 512;

    private static final Pending STOP = new Pending(null, null);

    private final Database db;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Object gate = new Object();
    private final Thread thread;
    private boolean closed;
    /** The future of the record queued last, so that readers can wait for everything queued before them. */
    private CompletableFuture<LedgerEntry> last;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();

    private record Pending(LedgerRecord record, CompletableFuture<LedgerEntry> done) {
    }

    GroupCommitWriter(Database db) {
        this.db = db;
        this.thread = new Thread(this::run, "bridle-ledger-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues the record and waits until it is committed and on disk. */
    LedgerEntry append(LedgerRecord record) {
        return await(enqueue(record));
    }

    /** Queues the record and returns at once; the future completes when it is committed and on disk. */
    CompletableFuture<LedgerEntry> enqueue(LedgerRecord record) {
        Pending pending = new Pending(record, new CompletableFuture<>());
        synchronized (gate) { // nothing is queued behind STOP
            if (closed) {
                throw new LedgerUnavailableException("the ledger is closed");
            }
            queue.add(pending);
            last = pending.done();
        }
        return pending.done();
    }

    /**
     * Waits until every record queued so far is committed (or has failed). Batches are written in
     * queue order, so the record queued last settles after all the others.
     */
    void drain() {
        CompletableFuture<LedgerEntry> tail;
        synchronized (gate) {
            tail = last;
        }
        if (tail != null) {
            await(tail.handle((entry, failure) -> entry)); // a failure is its appender's to hear of
        }
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
                    throw new LedgerUnavailableException("cannot append to the ledger in " + db.url()
                            + ": " + e.getCause().getMessage(), e.getCause());
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
        boolean stop = false;
        while (!stop) {
            batch.clear();
            batch.add(takeUninterruptibly());
            queue.drainTo(batch, MAX_BATCH - 1);
            stop = batch.remove(STOP);
            if (!batch.isEmpty()) {
                commit(batch);
            }
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
                entries = ChainAppend.append(c, batch.stream().map(Pending::record).toList());
                c.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(c, e);
                throw e;
            }
            c.setAutoCommit(true); // the pool resets it anyway when a failed connection goes back
            db.forceToDisk(c);
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
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
