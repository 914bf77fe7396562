package dev.bridle.internal.throttle;

import dev.bridle.internal.store.Sql;
import io.github.bucket4j.BucketState;
import io.github.bucket4j.distributed.serialization.DataOutputSerializationAdapter;
import io.github.bucket4j.distributed.serialization.Scope;
import io.github.bucket4j.distributed.versioning.Versions;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * The durable record of what the in-memory token buckets ({@link LocalBucketStore}) handed out, in the table
 * {@code throttle_take} (migration {@code V11}; H2 and PostgreSQL alike), so that a restart, a crash loop included,
 * never resets a limit.
 *
 * <p>For each allowed action, {@link JournalGuard} writes one row per bucket it took a token from, all in one
 * statement: the bucket's key, its limits, and the bucket's whole state right after the take (Bucket4j's serialised
 * form, as its PostgreSQL store keeps it). A token given back deletes its request's rows (best effort: a lost delete
 * only keeps a limit a little stricter until the row's window passes). At start-up {@link Throttles#journaled} puts
 * every bucket back as its rows say it is now ({@link JournalReplay}).
 *
 * <p><b>Durable before the send, at no extra disk sync.</b> The rows are committed inside the guard chain's evaluation,
 * which returns before {@code ActionDispatcher} appends the action's ALLOWED ledger row; that append waits until the
 * ledger's writer ({@code GroupCommitWriter}) has committed its batch and called {@code Database.forceToDisk}, and only
 * then does the dispatcher run the final checks and call the platform. On H2, {@code CHECKPOINT SYNC} stores and syncs
 * every change committed to the database so far, the journal's rows among them (one store for the whole file); on
 * PostgreSQL the rows' own commit was already flushed to the write-ahead log ({@code synchronous_commit=on}). So every
 * take of an action that may have been sent is on disk before it is sent; a take whose row was lost in a crash belongs
 * to an action that was not.
 *
 * <p>A row is kept until its bucket would be full again even from empty: its take time plus the longest span of its
 * limits ({@code expires_at}); then it says nothing more, {@link #live} leaves it out, and {@link #purgeExpired}
 * deletes it. Not used with {@code throttles.buckets: database}: those buckets are durable themselves.
 */
public final class TakeJournal {

    /** Rows deleted per statement by {@link #purgeExpired}, so that one purge never holds a long transaction. */
    static final int PURGE_BATCH = 10_000;

    private static final String COLUMNS =
            "INSERT INTO throttle_take (request_id, bucket_key, limits, state, taken_at, expires_at) VALUES ";
    private static final String ROW = "(?, ?, ?, ?, ?, ?)";
    private static final String FORGET = "DELETE FROM throttle_take WHERE request_id = ?";
    private static final String LIVE =
            "SELECT id, bucket_key, limits, state, taken_at FROM throttle_take WHERE expires_at > ?";
    private static final String PURGE =
            "DELETE FROM throttle_take WHERE id IN (SELECT id FROM throttle_take WHERE expires_at <= ? LIMIT "
                    + PURGE_BATCH + ")";

    /** One take: the bucket {@code key}, shaped by {@code limits}, was in state {@code left} right after it. */
    record Entry(String key, List<Limit> limits, BucketStore.Snapshot left) {

        Entry {
            Objects.requireNonNull(key, "key");
            limits = List.copyOf(limits);
            Objects.requireNonNull(left, "left");
        }
    }

    private final DataSource dataSource;
    private final Clock clock;

    /**
     * The journal in {@code dataSource}'s {@code throttle_take} table; {@code clock} says which rows are past their
     * window.
     */
    public TakeJournal(DataSource dataSource, Clock clock) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes {@code entries}, the takes of {@code request}, in one statement. */
    void write(UUID request, List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String sql = COLUMNS + String.join(", ", java.util.Collections.nCopies(entries.size(), ROW));
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, sql, ps -> {
                int p = 1;
                for (Entry e : entries) {
                    Instant at = e.left().at();
                    ps.setObject(p++, request);
                    ps.setString(p++, e.key());
                    ps.setString(p++, limitsText(e.limits()));
                    ps.setBytes(p++, serialize(e.left().state()));
                    // the state carries its own time, to the nanosecond; these two are for people and the purge
                    ps.setObject(p++, Sql.utc(at));
                    ps.setObject(p++, Sql.utc(roundedUp(at.plus(Buckets.refillTime(e.limits())))));
                }
            });
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not journal the throttle tokens of request " + request + ": " + e.getMessage(), e);
        }
    }

    /** Deletes the rows of {@code request}: its tokens were given back. */
    void forget(UUID request) {
        try (Connection c = dataSource.getConnection()) {
            Sql.update(c, FORGET, ps -> ps.setObject(1, request));
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not remove the journaled throttle tokens of request " + request + ": " + e.getMessage(), e);
        }
    }

    /**
     * Hands every row still inside its window to {@code each}, in no particular order, reading them in batches rather
     * than all at once.
     *
     * @throws IllegalStateException naming the row, when one cannot be read: a bucket that cannot be restored must not
     *     start out full, so start-up stops and says which row to fix or delete
     */
    void live(Consumer<Entry> each) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // PostgreSQL streams a result only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(LIVE)) {
                ps.setFetchSize(5_000);
                ps.setObject(1, Sql.utc(clock.instant()));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        each.accept(read(rs));
                    }
                }
            } finally {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the throttle journal: " + e.getMessage(), e);
        }
    }

    /** Deletes the rows whose window has passed (they can no longer change any bucket); returns how many. */
    public int purgeExpired() {
        Instant now = clock.instant();
        int total = 0;
        try (Connection c = dataSource.getConnection()) {
            int deleted;
            do {
                deleted = Sql.update(c, PURGE, ps -> ps.setObject(1, Sql.utc(now)));
                total += deleted;
            } while (deleted == PURGE_BATCH);
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge the throttle journal: " + e.getMessage(), e);
        }
        return total;
    }

    private static Entry read(ResultSet rs) throws SQLException {
        long id = rs.getLong(1);
        String key = rs.getString(2);
        try {
            List<Limit> limits = parseLimits(rs.getString(3));
            BucketState state = deserialize(rs.getBytes(4));
            // Bucket4j keeps the configuration apart from the state (as its PostgreSQL store does): the limits are it.
            state.setConfiguration(Buckets.configuration(limits));
            state.getCurrentSize(limits.size() - 1); // a state of fewer windows than limits fails here
            Instant at = rs.getObject(5, OffsetDateTime.class).toInstant();
            return new Entry(key, limits, new BucketStore.Snapshot(at, state));
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "row " + id + " of throttle_take (bucket " + key + ") cannot be read (" + e.getMessage()
                            + "); correct it, or delete it if that bucket may start full",
                    e);
        }
    }

    /** Bucket4j's own serialised form of a bucket state, as its PostgreSQL store keeps it. */
    static byte[] serialize(BucketState state) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            BucketState.serialize(
                    DataOutputSerializationAdapter.INSTANCE, out, state, Versions.getLatest(), Scope.PERSISTED_STATE);
        } catch (IOException e) {
            throw new UncheckedIOException("a bucket state could not be written to memory", e);
        }
        return bytes.toByteArray();
    }

    static BucketState deserialize(byte[] bytes) throws IOException {
        return BucketState.deserialize(
                DataOutputSerializationAdapter.INSTANCE, new DataInputStream(new ByteArrayInputStream(bytes)));
    }

    /** Later, never earlier, to the microsecond both databases keep. */
    static Instant roundedUp(Instant at) {
        Instant micros = at.truncatedTo(ChronoUnit.MICROS);
        return micros.equals(at) ? at : micros.plus(1, ChronoUnit.MICROS);
    }

    /** {@code "10/PT1H,50/PT24H"}: exact, unlike the configuration's wording, for any span. */
    static String limitsText(List<Limit> limits) {
        return limits.stream().map(l -> l.count() + "/" + l.per()).collect(Collectors.joining(","));
    }

    static List<Limit> parseLimits(String text) {
        List<Limit> limits = new ArrayList<>();
        for (String part : text.split(",")) {
            int slash = part.indexOf('/');
            if (slash < 0) {
                throw new IllegalArgumentException("'" + text + "' is not a list of COUNT/SPAN limits");
            }
            limits.add(Limit.of(
                    Long.parseLong(part.substring(0, slash).trim()),
                    Duration.parse(part.substring(slash + 1).trim())));
        }
        return limits;
    }
}
