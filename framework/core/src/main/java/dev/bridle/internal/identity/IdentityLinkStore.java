package dev.bridle.internal.identity;

import dev.bridle.bot.IdentityLink;
import dev.bridle.bot.LinkBasis;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import dev.bridle.internal.store.Upsert;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * Identity links in the store's {@code identity_link} table, keyed by bot, user id and external id. It stores what it
 * is given: checking the basis is {@link LinkBasisCheck}'s job, and nothing reaches this class but through
 * {@link GuardedIdentities} or the operator's {@code IdentityData}, which check it first.
 */
public final class IdentityLinkStore {

    private static final Upsert PUT = Upsert.of(
            "identity_link", List.of("bot", "user_id", "external_id"), List.of("basis", "evidence", "linked_at"));
    private static final String COLUMNS = "bot, user_id, external_id, basis, evidence, linked_at";

    private final Database db;
    private final Clock clock;

    public IdentityLinkStore(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Links {@code userId} to {@code externalId} for {@code bot}, replacing an earlier basis; durable on return. */
    public void put(String bot, String userId, String externalId, LinkBasis.Kind basis, String evidence) {
        Objects.requireNonNull(basis, "basis");
        Objects.requireNonNull(evidence, "evidence");
        try (Connection c = db.dataSource().getConnection()) {
            PUT.write(
                    c,
                    List.of(bot, userId, IdentityLink.checkExternalId(externalId)),
                    List.of(basis.wireName(), evidence, Sql.utc(clock.instant())));
        } catch (SQLException e) {
            throw failure("write an identity link of bot '" + bot + "'", e);
        }
    }

    /** The links {@code bot} holds for {@code userId}, by external id. */
    public List<IdentityLink> of(String bot, String userId) {
        return list(
                "SELECT " + COLUMNS + " FROM identity_link WHERE bot = ? AND user_id = ? ORDER BY external_id", ps -> {
                    ps.setString(1, bot);
                    ps.setString(2, userId);
                });
    }

    /** Every link any bot holds for {@code userId}, by bot and external id: for an access request. */
    public List<IdentityLink> about(String userId) {
        return list(
                "SELECT " + COLUMNS + " FROM identity_link WHERE user_id = ? ORDER BY bot, external_id",
                ps -> ps.setString(1, userId));
    }

    /** Removes one link; returns whether there was one. */
    public boolean unlink(String bot, String userId, String externalId) {
        return delete("DELETE FROM identity_link WHERE bot = ? AND user_id = ? AND external_id = ?", ps -> {
                    ps.setString(1, bot);
                    ps.setString(2, userId);
                    ps.setString(3, externalId);
                })
                > 0;
    }

    /** Removes the links {@code bot} holds for {@code userId}; returns how many went. */
    public int forget(String bot, String userId) {
        return delete("DELETE FROM identity_link WHERE bot = ? AND user_id = ?", ps -> {
            ps.setString(1, bot);
            ps.setString(2, userId);
        });
    }

    /** Removes every link any bot holds for {@code userId}; returns how many went. */
    public int forgetPerson(String userId) {
        return delete("DELETE FROM identity_link WHERE user_id = ?", ps -> ps.setString(1, userId));
    }

    private List<IdentityLink> list(String query, Sql.Binder values) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.list(
                    c,
                    query,
                    values,
                    rs -> new IdentityLink(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            LinkBasis.Kind.of(rs.getString(4)),
                            rs.getString(5),
                            rs.getObject(6, OffsetDateTime.class).toInstant()));
        } catch (SQLException e) {
            throw failure("read identity links", e);
        }
    }

    private int delete(String sql, Sql.Binder values) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.update(c, sql, values);
        } catch (SQLException e) {
            throw failure("remove identity links", e);
        }
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in " + db.url() + ": " + e.getMessage(), e);
    }
}
