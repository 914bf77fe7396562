package dev.bridle.config;

import java.util.Objects;

/**
 * The database: an H2 file (the default) or PostgreSQL.
 *
 * @param url a JDBC URL, {@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}
 * @param username the user, or {@code null}
 * @param password the password, or {@code null}
 */
public record StoreConfig(String url, String username, Secret password) {

    /** Where the embedded database lives unless configured otherwise. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/bridle";

    public StoreConfig {
        Objects.requireNonNull(url, "url");
    }

    /** Whether this is a PostgreSQL database. */
    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }
}
