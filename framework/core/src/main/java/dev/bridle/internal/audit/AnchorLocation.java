package dev.bridle.internal.audit;

import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a store's ledger anchor file is, unless {@code store.anchor} says:
 *
 * <ul>
 *   <li>an H2 file database: beside it, {@code ./data/bridle.mv.db} anchored in {@code ./data/bridle.ledger-anchor};
 *   <li>PostgreSQL (and H2 on a server): on this node, {@code ./data/} under the working directory (where the default
 *       H2 store would be), named after the server and database with any credentials left out:
 *       {@code jdbc:postgresql://db.internal:5432/bridle} anchored in
 *       {@code ./data/postgresql-db.internal-5432-bridle.ledger-anchor};
 *   <li>H2 in memory: nowhere; the database is gone when Bridle stops, and so is anything to anchor.
 * </ul>
 */
final class AnchorLocation {

    /** The anchor file's suffix. */
    static final String SUFFIX = ".ledger-anchor";

    private AnchorLocation() {}

    /** The anchor file of {@code db}, absolute, or empty if it has none. */
    static Optional<Path> of(Database db) {
        StoreConfig config = db.config();
        if (config.isInMemory()) {
            return Optional.empty();
        }
        if (config.anchor() != null) {
            return Optional.of(config.anchor().toAbsolutePath().normalize());
        }
        if (db.localFile().isPresent()) {
            Path file = db.localFile().get();
            return Optional.of(file.resolveSibling(file.getFileName() + SUFFIX));
        }
        return Optional.of(Path.of("data", nodeLocalName(config.url()) + SUFFIX)
                .toAbsolutePath()
                .normalize());
    }

    /**
     * {@code postgresql-db.internal-5432-bridle} for {@code jdbc:postgresql://user@db.internal:5432/bridle?ssl=true}.
     */
    static String nodeLocalName(String url) {
        String name = url.replaceFirst("^jdbc:", "").replaceFirst("[?;].*$", "").replaceFirst("//[^/@]*@", "//");
        return name.replaceAll("[^A-Za-z0-9._]+", "-").replaceAll("^-+|-+$", "");
    }
}
