package dev.bridle.internal.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells every node sharing a PostgreSQL store what changed, so their caches forget it at once instead of at the end of
 * their time to live: {@code NOTIFY} after a change is committed, {@code LISTEN} on one connection per node. On H2 (one
 * node) it only tells this process.
 *
 * <p>A notification can be missed before a channel is listened to (between a subscription and its {@code LISTEN}) and
 * while the listening connection is down; so whenever a channel starts being listened to — the first time, for a
 * channel subscribed later, and after a reconnection — its subscribers are told that everything may have changed
 * ({@code null}), and caches start afresh. Caches stay correct without the feed (they expire), and no guard that must
 * be exact relies on a cache: the final opt-out and consent checks read the database.
 */
public final class ChangeFeed implements AutoCloseable {

    /** How long one wait for notifications lasts before the listener checks it should go on. */
    static final int POLL_MILLIS = 250;

    private static final Logger log = LoggerFactory.getLogger(ChangeFeed.class);

    private final DataSource dataSource;
    private final boolean shared;
    private final Map<String, List<Consumer<String>>> subscribers = new ConcurrentHashMap<>();
    private volatile boolean open = true;
    private Thread listener;

    ChangeFeed(DataSource dataSource, Dialect dialect) {
        this.dataSource = dataSource;
        this.shared = dialect == Dialect.POSTGRES;
    }

    /**
     * Calls {@code onChange} with the key of every change published on {@code channel} by any node, this one included;
     * with {@code null} when changes may have been missed.
     */
    public synchronized void subscribe(String channel, Consumer<String> onChange) {
        checkChannel(channel);
        subscribers.computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>()).add(onChange);
        if (shared && listener == null) {
            listener = new Thread(this::listen, "bridle-change-feed");
            listener.setDaemon(true);
            listener.start();
        }
    }

    /** Publishes that {@code key} changed on {@code channel}; call after the change is committed. */
    public void publish(String channel, String key) {
        checkChannel(channel);
        if (!shared) {
            deliver(channel, key);
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT pg_notify(?, ?)")) {
            ps.setString(1, channel);
            ps.setString(2, key);
            ps.execute();
        } catch (SQLException e) {
            // the change is committed; other nodes see it when their cache entry expires
            log.warn("could not tell other nodes that {} changed on {}: {}", key, channel, e.getMessage());
            deliver(channel, key);
        }
    }

    private void listen() {
        while (open) {
            Set<String> listening = new HashSet<>();
            try (Connection c = dataSource.getConnection();
                    Statement s = c.createStatement()) {
                PGConnection pg = c.unwrap(PGConnection.class);
                while (open) {
                    listenToNewChannels(s, listening);
                    PGNotification[] notes = pg.getNotifications(POLL_MILLIS);
                    if (notes != null) {
                        for (PGNotification note : notes) {
                            deliver(note.getName(), note.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (open) {
                    log.warn(
                            "the change feed lost its connection ({}); caches forget everything when it is back",
                            e.getMessage());
                    pause();
                }
            }
        }
    }

    /**
     * Listens to every channel subscribed since the last look, a subscription made after the listener started included;
     * what was published on it before is unknown, so its subscribers start afresh.
     */
    private void listenToNewChannels(Statement s, Set<String> listening) throws SQLException {
        for (String channel : subscribers.keySet()) {
            if (listening.add(channel)) {
                s.execute("LISTEN " + channel);
                deliver(channel, null);
            }
        }
    }

    private void deliver(String channel, String key) {
        for (Consumer<String> subscriber : subscribers.getOrDefault(channel, List.of())) {
            try {
                subscriber.accept(key);
            } catch (RuntimeException e) {
                log.warn("a subscriber to {} failed on {}", channel, key, e);
            }
        }
    }

    private static void checkChannel(String channel) {
        // LISTEN takes an identifier, not a parameter: keep channels to safe names
        if (!channel.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("a change channel is a lower-case identifier, not '" + channel + "'");
        }
    }

    private void pause() {
        try {
            Thread.sleep(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            open = false;
        }
    }

    @Override
    public synchronized void close() {
        open = false;
        if (listener != null) {
            listener.interrupt();
            try {
                listener.join(2 * POLL_MILLIS + 1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            listener = null;
        }
    }
}
