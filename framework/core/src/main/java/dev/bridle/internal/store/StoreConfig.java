package dev.bridle.internal.store;

import dev.bridle.internal.secret.Secret;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The database: an H2 file (the default) or PostgreSQL, and where its ledger is anchored.
 *
 * @param url a JDBC URL, {@code jdbc:h2:file:...} or {@code jdbc:postgresql://...}
 * @param username the user, or {@code null}
 * @param password the password, or {@code null}
 * @param anchor the ledger anchor file, absolute, or {@code null} for the default place (beside an H2 file; under
 *     {@code ./data/} for PostgreSQL; none for an in-memory H2 database; see {@code docs/ledger.md})
 * @param anchorKey the HMAC key that seals the anchor, from {@code ${env:NAME}} only, or {@code null} for an anchor
 *     sealed by a checksum alone
 */
public record StoreConfig(String url, String username, Secret password, Path anchor, Secret anchorKey) {

    /** Where the embedded database lives unless configured otherwise. */
    public static final String DEFAULT_URL = "jdbc:h2:file:./data/bridle";

    public StoreConfig {
        Objects.requireNonNull(url, "url");
    }

    /** A store whose ledger is anchored in the default place, without a key. */
    public StoreConfig(String url, String username, Secret password) {
        this(url, username, password, null, null);
    }

    /** Whether this is a PostgreSQL database. */
    public boolean isPostgres() {
        return url.startsWith("jdbc:postgresql:");
    }

    /** Whether this is an H2 database in memory, gone when closed (it has no anchor). */
    public boolean isInMemory() {
        return url.startsWith("jdbc:h2:mem:");
    }

    /** This store with its ledger anchored in {@code file}. */
    public StoreConfig withAnchor(Path file) {
        return new StoreConfig(url, username, password, file, anchorKey);
    }
}
