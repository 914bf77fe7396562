package dev.bridle.internal.people;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import dev.bridle.internal.store.Upsert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Facts about people in the store's {@code person_fact} table, keyed by bot, user id and key. It stores what it is
 * given: screening is {@link ScreenedPeople}'s job, so nothing reaches this class but through it.
 */
public final class PersonFacts {

    private static final Upsert PUT = Upsert.of(
            "person_fact",
            List.of("bot", "user_id", "fact_key"),
            List.of("fact_value", "source_post", "provided", "updated_at"));
    private static final String COLUMNS = "bot, user_id, fact_key, fact_value, source_post, provided, updated_at";

    private final Database db;
    private final Clock clock;

    public PersonFacts(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Stores {@code value} under {@code key} for {@code userId}, for {@code bot}; durable on return. */
    public void put(String bot, String userId, String key, String value) {
        put(bot, userId, key, value, null, false);
    }

    /**
     * As {@link #put(String, String, String, String)}, learnt from the post or message {@code sourcePost} ({@code null}
     * for none): deleting it on the platform forgets the fact ({@link #forgetCiting}).
     *
     * @param provided whether the person gave the fact themselves, in {@code sourcePost} (a message the bot's account
     *     received from them); kept by {@link #forgetPerson(String, Set)} for the bots that keep what was provided
     */
    public void put(String bot, String userId, String key, String value, String sourcePost, boolean provided) {
        Objects.requireNonNull(value, "value");
        if (provided && sourcePost == null) {
            throw new IllegalArgumentException("a fact the person provided names the message they provided it in");
        }
        try (Connection c = db.dataSource().getConnection()) {
            PUT.write(
                    c, List.of(bot, userId, key), Arrays.asList(value, sourcePost, provided, Sql.utc(clock.instant())));
        } catch (SQLException e) {
            throw failure("write a fact of bot '" + bot + "'", e);
        }
    }

    /** The fact {@code bot} holds under {@code key} for {@code userId}. */
    public Optional<String> get(String bot, String userId, String key) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.first(
                    c,
                    "SELECT fact_value FROM person_fact WHERE bot = ? AND user_id = ? AND fact_key = ?",
                    ps -> {
                        ps.setString(1, bot);
                        ps.setString(2, userId);
                        ps.setString(3, key);
                    },
                    rs -> rs.getString(1));
        } catch (SQLException e) {
            throw failure("read a fact of bot '" + bot + "'", e);
        }
    }

    /** Every fact {@code bot} holds about {@code userId}, by key. */
    public List<StoredFact> of(String bot, String userId) {
        return list("SELECT " + COLUMNS + " FROM person_fact WHERE bot = ? AND user_id = ? ORDER BY fact_key", ps -> {
            ps.setString(1, bot);
            ps.setString(2, userId);
        });
    }

    /** Every fact any bot holds about {@code userId}: what Bridle holds about a person, for an access request. */
    public List<StoredFact> about(String userId) {
        return list(
                "SELECT " + COLUMNS + " FROM person_fact WHERE user_id = ? ORDER BY bot, fact_key",
                ps -> ps.setString(1, userId));
    }

    /** Forgets one fact; returns whether there was one. */
    public boolean forget(String bot, String userId, String key) {
        return delete("DELETE FROM person_fact WHERE bot = ? AND user_id = ? AND fact_key = ?", ps -> {
                    ps.setString(1, bot);
                    ps.setString(2, userId);
                    ps.setString(3, key);
                })
                > 0;
    }

    /** Forgets what {@code bot} holds about {@code userId}; returns how many facts went. */
    public int forget(String bot, String userId) {
        return delete("DELETE FROM person_fact WHERE bot = ? AND user_id = ?", ps -> {
            ps.setString(1, bot);
            ps.setString(2, userId);
        });
    }

    /** The posts facts were learnt from: what may be deleted on the platform. */
    public Set<String> sourcePosts() {
        try (Connection c = db.dataSource().getConnection()) {
            return new LinkedHashSet<>(Sql.list(
                    c,
                    "SELECT DISTINCT source_post FROM person_fact WHERE source_post IS NOT NULL",
                    Sql.NO_VALUES,
                    rs -> rs.getString(1)));
        } catch (SQLException e) {
            throw failure("list facts' source posts", e);
        }
    }

    /** Forgets every fact learnt from one of {@code postIds} (deleted on the platform); returns how many went. */
    public int forgetCiting(Collection<String> postIds) {
        int forgotten = 0;
        for (String post : postIds) {
            forgotten += delete("DELETE FROM person_fact WHERE source_post = ?", ps -> ps.setString(1, post));
        }
        return forgotten;
    }

    /** Forgets everything every bot holds about {@code userId}; returns how many facts went. */
    public int forgetPerson(String userId) {
        return delete("DELETE FROM person_fact WHERE user_id = ?", ps -> ps.setString(1, userId));
    }

    /**
     * Forgets what every bot holds about {@code userId}, except the facts the person provided to one of
     * {@code keepingProvided}; returns how many facts went.
     */
    public int forgetPerson(String userId, Set<String> keepingProvided) {
        if (keepingProvided.isEmpty()) {
            return forgetPerson(userId);
        }
        List<String> bots = List.copyOf(new TreeSet<>(keepingProvided));
        String placeholders = String.join(", ", Collections.nCopies(bots.size(), "?"));
        return delete(
                "DELETE FROM person_fact WHERE user_id = ? AND NOT (provided AND bot IN (" + placeholders + "))",
                ps -> {
                    ps.setString(1, userId);
                    for (int i = 0; i < bots.size(); i++) {
                        ps.setString(i + 2, bots.get(i));
                    }
                });
    }

    private List<StoredFact> list(String query, Sql.Binder values) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.list(
                    c,
                    query,
                    values,
                    rs -> new StoredFact(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getBoolean(6),
                            rs.getObject(7, OffsetDateTime.class).toInstant()));
        } catch (SQLException e) {
            throw failure("read facts", e);
        }
    }

    private int delete(String sql, Sql.Binder values) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.update(c, sql, values);
        } catch (SQLException e) {
            throw failure("forget facts", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in " + db.url() + ": " + e.getMessage(), e);
    }
}
