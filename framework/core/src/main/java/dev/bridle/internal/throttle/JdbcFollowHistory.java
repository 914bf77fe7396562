package dev.bridle.internal.throttle;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import javax.sql.DataSource;

/**
 * A {@link FollowHistory} in the database (table {@code throttle_follow_event}, migration {@code V5__throttle.sql}; H2
 * and PostgreSQL alike), one row per follow or unfollow, behind a cache of the latest pair per account and user. A
 * record goes to the database first and then drops the cached pair, so this node never reads its own history stale.
 * Another node's record reaches this node's cache within {@link #DEFAULT_CACHE_TTL}; that is enough because one
 * account's actions are spaced by {@link ThrottleSettings#minSpacing} and the churn windows are days long.
 */
public final class JdbcFollowHistory implements FollowHistory {

    /** How long a cached pair is trusted before it is read again. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofMinutes(1);

    /** How many pairs are cached. */
    public static final long DEFAULT_CACHE_SIZE = 100_000;

    private static final String LATEST = "SELECT event, MAX(occurred_at) FROM throttle_follow_event"
            + " WHERE account = ? AND user_id = ? GROUP BY event";
    private static final String INSERT =
            "INSERT INTO throttle_follow_event (account, user_id, event, occurred_at) VALUES (?, ?, ?, ?)";

    private final DataSource dataSource;
    private final Cache<String, Latest> cache;

    /** History in {@code dataSource}, cached with the defaults. */
    public JdbcFollowHistory(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.cache = Caffeine.newBuilder()
                .ticker(new ClockTime(clock))
                .maximumSize(DEFAULT_CACHE_SIZE)
                .expireAfterWrite(DEFAULT_CACHE_TTL)
                .build();
    }

    @Override
    public Latest latest(String account, String userId) {
        String a = ThrottleSettings.handleKey(account);
        return cache.get(a + "/" + userId, k -> read(a, userId));
    }

    @Override
    public void recordFollow(String account, String userId, Instant at) {
        record(account, userId, "FOLLOW", at);
    }

    @Override
    public void recordUnfollow(String account, String userId, Instant at) {
        record(account, userId, "UNFOLLOW", at);
    }

    private void record(String account, String userId, String event, Instant at) {
        String a = ThrottleSettings.handleKey(account);
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, a);
            s.setString(2, userId);
            s.setString(3, event);
            s.setObject(4, OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.MILLIS), ZoneOffset.UTC));
            s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not record a " + event.toLowerCase(java.util.Locale.ROOT) + " by @" + a + " of user "
                            + userId + ": " + e.getMessage(),
                    e);
        } finally {
            cache.invalidate(a + "/" + userId);
        }
    }

    private Latest read(String account, String userId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(LATEST)) {
            s.setString(1, account);
            s.setString(2, userId);
            Instant followed = null;
            Instant unfollowed = null;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Instant at = rs.getObject(2, OffsetDateTime.class).toInstant();
                    if ("FOLLOW".equals(rs.getString(1))) {
                        followed = at;
                    } else {
                        unfollowed = at;
                    }
                }
            }
            return new Latest(followed, unfollowed);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "could not read the follow history of @" + account + " and user " + userId + ": " + e.getMessage(),
                    e);
        }
    }
}
