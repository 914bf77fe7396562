package dev.bridle.internal.store;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Completes an H2 URL with the settings that let the schema's SQL run unchanged on H2 and on PostgreSQL 15:
 *
 * <ul>
 *   <li>{@code MODE=PostgreSQL}: PostgreSQL syntax and behaviour where H2 has a choice;
 *   <li>{@code DATABASE_TO_LOWER=TRUE}: unquoted names fold to lower case, as in PostgreSQL, so {@code QRTZ_TRIGGERS}
 *       and {@code qrtz_triggers} name the same table on both (Quartz's unquoted upper-case SQL keeps working);
 *   <li>{@code DEFAULT_NULL_ORDERING=HIGH}: nulls sort last ascending, as in PostgreSQL (these three are what H2's own
 *       documentation lists for PostgreSQL compatibility);
 *   <li>{@code DB_CLOSE_ON_EXIT=FALSE}: H2's shutdown hook would close the database under the pool and the scheduler
 *       while they stop; {@link Database#close()} closes it instead;
 *   <li>{@code LOCK_TIMEOUT=10000}: a writer waiting for the ledger head lock waits up to ten seconds (H2's default is
 *       two), like a busy PostgreSQL would make it wait.
 * </ul>
 *
 * A URL may add other settings; it may not set one of these to another value.
 *
 * <p>A database in a local file is also opened through H2's {@code retry:} file system
 * ({@code FilePathRetryOnInterrupt}). Without it, a thread interrupted while H2 reads or writes the file (Quartz
 * interrupts its threads on shutdown; bot code may interrupt its own) closes the file's {@code FileChannel}
 * ({@code ClosedByInterruptException}), and every later statement of every connection fails with "Reading from file ...
 * failed" until the process restarts. With {@code retry:} H2 reopens the channel and carries on ({@code DatabaseTest}
 * shows both).
 */
final class H2Url {

    /** The file system prefix that reopens a file closed by an interrupt. */
    static final String RETRY = "retry:";

    /** The settings of {@link Database#H2_SETTINGS}, by name. */
    static final Map<String, String> REQUIRED =
            Collections.unmodifiableMap(parse("jdbc:h2:required;" + Database.H2_SETTINGS).settings);

    private final String name;
    private final Map<String, String> settings;

    private H2Url(String name, Map<String, String> settings) {
        this.name = name;
        this.settings = settings;
    }

    /** Parses {@code jdbc:h2:NAME;KEY=VALUE;...}. */
    static H2Url parse(String url) {
        if (!url.startsWith("jdbc:h2:")) {
            throw new IllegalArgumentException("not an H2 URL: " + Redaction.url(url));
        }
        String[] parts = url.substring("jdbc:h2:".length()).split(";");
        Map<String, String> settings = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                continue;
            }
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException(
                        "H2 URL setting '" + parts[i] + "' has no '=' in " + Redaction.url(url));
            }
            settings.put(parts[i].substring(0, eq).trim().toUpperCase(Locale.ROOT), parts[i].substring(eq + 1));
        }
        return new H2Url(parts[0], settings);
    }

    /**
     * This URL with every required setting added, and a local file opened through {@link #RETRY}; throws if the URL
     * sets a required setting differently.
     */
    String withRequiredSettings() {
        Map<String, String> all = new LinkedHashMap<>(settings);
        REQUIRED.forEach((key, value) -> {
            String given = all.putIfAbsent(key, value);
            if (given != null && !given.equalsIgnoreCase(value)) {
                throw new IllegalArgumentException(
                        "store URL sets " + key + "=" + given + " but Bridle's schema needs " + key + "=" + value);
            }
        });
        boolean localFile = localPath().isPresent();
        StringBuilder url = new StringBuilder("jdbc:h2:")
                .append(localFile && !name.startsWith(RETRY) ? RETRY : "")
                .append(name);
        all.forEach((key, value) -> url.append(';').append(key).append('=').append(value));
        return url.toString();
    }

    /** The directory the database file goes in, if this is a file database on this machine. */
    Optional<Path> fileDirectory() {
        return filePath().map(Path::getParent);
    }

    /**
     * The database's path without H2's {@code .mv.db} suffix ({@code ./data/bridle} for {@code ./data/bridle.mv.db}),
     * absolute, if this is a file database on this machine.
     */
    Optional<Path> filePath() {
        return localPath()
                .map(path -> path.startsWith("~") ? System.getProperty("user.home") + path.substring(1) : path)
                .map(path -> Path.of(path).toAbsolutePath().normalize());
    }

    /** The path of a database in a plain local file ({@code file:} and {@code retry:} taken off), if it is one. */
    private Optional<String> localPath() {
        String rest = name.startsWith(RETRY) ? name.substring(RETRY.length()) : name;
        if (rest.startsWith("file:")) {
            return Optional.of(rest.substring("file:".length()));
        }
        if (rest.matches("^[a-zA-Z]{2,}:.*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, nio: ... are not plain local files
        }
        return Optional.of(rest);
    }
}
