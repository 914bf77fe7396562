package dev.bridle.internal.node;

import dev.bridle.bot.ReasonCode;
import dev.bridle.config.AppMismatchException;
import dev.bridle.config.Environment;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Sql;
import dev.bridle.internal.store.StoreException;
import dev.bridle.internal.text.ContentHash;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Which platform apps ran on this store, and as which environment ({@code platform_app}): the half of "one app per use
 * case" one configuration cannot see. An app is known by the SHA-256 of its consumer key; the first start records its
 * environment, and a later start of the same app as another environment is refused with
 * {@link ReasonCode#MULTIPLE_APPS} before anything connects. Runs in the built-in sandbox, whose app is new each time,
 * are not recorded.
 */
public final class AppRegistry {

    private final Database db;
    private final Clock clock;

    public AppRegistry(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Seen(String environment, String appName, OffsetDateTime firstSeen) {}

    /**
     * Records that the app with {@code consumerKey} starts as {@code environment}, named {@code appName}.
     *
     * @throws AppMismatchException if it ran on this store as another environment
     * @throws StoreException if the store cannot be read or written
     */
    public void starting(String consumerKey, Environment environment, String appName) {
        String hash = ContentHash.sha256Hex(Objects.requireNonNull(consumerKey, "consumerKey"));
        OffsetDateTime now = Sql.utc(clock.instant());
        try (Connection c = db.dataSource().getConnection()) {
            Optional<Seen> seen = Sql.first(
                    c,
                    "SELECT environment, app_name, first_seen_at FROM platform_app WHERE app_key_hash = ?",
                    ps -> ps.setString(1, hash),
                    rs -> new Seen(rs.getString(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)));
            if (seen.isPresent() && !seen.get().environment().equals(environment.name())) {
                Seen before = seen.get();
                throw new AppMismatchException(ReasonCode.MULTIPLE_APPS + ": this configuration's platform app ran on"
                        + " this store as " + before.environment().toLowerCase(Locale.ROOT) + " (app \""
                        + before.appName() + "\", since " + before.firstSeen().toInstant() + ") and may not run as "
                        + environment + "; " + ReasonCode.MULTIPLE_APPS.rule().summary()
                        + ". Use a separate app, with its own credentials, for " + environment);
            }
            if (seen.isPresent()) {
                Sql.update(c, "UPDATE platform_app SET app_name = ?, last_seen_at = ? WHERE app_key_hash = ?", ps -> {
                    ps.setString(1, appName);
                    ps.setObject(2, now);
                    ps.setString(3, hash);
                });
            } else if (!Sql.insertIfAbsent(
                    c,
                    "INSERT INTO platform_app (app_key_hash, environment, app_name, first_seen_at, last_seen_at)"
                            + " VALUES (?, ?, ?, ?, ?)",
                    ps -> {
                        ps.setString(1, hash);
                        ps.setString(2, environment.name());
                        ps.setString(3, appName);
                        ps.setObject(4, now);
                        ps.setObject(5, now);
                    })) {
                starting(consumerKey, environment, appName); // another node recorded it first: check against that
            }
        } catch (SQLException e) {
            throw new StoreException("cannot record the platform app in " + db.url() + ": " + e.getMessage(), e);
        }
    }
}
