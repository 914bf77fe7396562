package dev.bridle.internal.export;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The recipients exports may go to ({@code export_recipient}), each with its agreement to the platform's terms. */
public final class Recipients {

    private static final String COLUMNS =
            "name, terms_agreed_on, terms_reference, academic_noncommercial, written_permission, added_at";

    private final Database db;

    public Recipients(Database db) {
        this.db = Objects.requireNonNull(db, "db");
    }

    /**
     * Records {@code recipient}.
     *
     * @throws IllegalArgumentException if one of that name is recorded already (a recipient's record is evidence: it is
     *     not overwritten)
     */
    public void add(Recipient recipient) {
        try (Connection c = db.dataSource().getConnection()) {
            boolean added = Sql.insertIfAbsent(
                    c, "INSERT INTO export_recipient (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)", ps -> {
                        ps.setString(1, recipient.name());
                        ps.setDate(2, Date.valueOf(recipient.termsAgreedOn()));
                        ps.setString(3, recipient.termsReference());
                        ps.setBoolean(4, recipient.academicNonCommercial());
                        ps.setString(5, recipient.writtenPermission());
                        ps.setObject(6, Sql.utc(recipient.addedAt()));
                    });
            if (!added) {
                Recipient earlier = find(recipient.name()).orElseThrow();
                throw new IllegalArgumentException("recipient '" + recipient.name() + "' is recorded already (since "
                        + earlier.addedAt() + ", terms agreed on " + earlier.termsAgreedOn() + ")");
            }
        } catch (SQLException e) {
            throw failure("record recipient '" + recipient.name() + "'", e);
        }
    }

    /** The recipient named {@code name}, if recorded. */
    public Optional<Recipient> find(String name) {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.first(
                    c,
                    "SELECT " + COLUMNS + " FROM export_recipient WHERE name = ?",
                    ps -> ps.setString(1, name),
                    Recipients::row);
        } catch (SQLException e) {
            throw failure("read recipient '" + name + "'", e);
        }
    }

    /** Every recipient, by name. */
    public List<Recipient> list() {
        try (Connection c = db.dataSource().getConnection()) {
            return Sql.list(
                    c, "SELECT " + COLUMNS + " FROM export_recipient ORDER BY name", Sql.NO_VALUES, Recipients::row);
        } catch (SQLException e) {
            throw failure("list recipients", e);
        }
    }

    static Recipient row(ResultSet rs) throws SQLException {
        return new Recipient(
                rs.getString(1),
                rs.getDate(2).toLocalDate(),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getString(5),
                rs.getObject(6, OffsetDateTime.class).toInstant());
    }

    private StoreException failure(String what, SQLException e) {
        return new StoreException("cannot " + what + " in " + db.url() + ": " + e.getMessage(), e);
    }
}
