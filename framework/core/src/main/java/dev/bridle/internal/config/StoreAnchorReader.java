package dev.bridle.internal.config;

import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.yaml.YamlNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads {@code store.anchor} (the ledger anchor file, relative to the configuration file's directory) and
 * {@code store.anchorKey} (the key that seals it: from the environment only, long enough to guess at no better than the
 * key itself; see {@code docs/ledger.md}).
 */
final class StoreAnchorReader {

    /** The fewest characters a key may have: 32, the length of a 128-bit key written in hex. */
    static final int MIN_KEY_LENGTH = 32;

    private static final String FILE_EXPECTED = "the ledger anchor file, a path relative to the configuration"
            + " file's directory, like /var/lib/bridle/bridle.ledger-anchor";
    private static final String KEY_EXPECTED = "a key of at least " + MIN_KEY_LENGTH + " characters from the"
            + " environment, like \"${env:BRIDLE_ANCHOR_KEY}\" (make one with openssl rand -hex 32)";

    private final NodeReader nodes;
    private final Path configFile;

    StoreAnchorReader(NodeReader nodes, Path configFile) {
        this.nodes = nodes;
        this.configFile = configFile;
    }

    /** The anchor file, absolute; {@code null} after reporting a problem. */
    Path file(YamlNode node, String path, String url) {
        String text = nodes.text(node, path, FILE_EXPECTED);
        if (text == null) {
            return null;
        }
        if (url != null && url.startsWith("jdbc:h2:mem:")) {
            nodes.problem(
                    node,
                    path,
                    "is set, but the store is an H2 database in memory, which is gone when"
                            + " Bridle stops, so there is nothing to anchor; remove store.anchor or use a file database");
            return null;
        }
        try {
            if (text.isBlank()) {
                throw new InvalidPathException(text, "empty");
            }
            Path written = Path.of(text.strip());
            Path file = written.isAbsolute() || configFile == null ? written : configFile.resolveSibling(written);
            return file.toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            nodes.problem(
                    node,
                    path,
                    "found " + NodeReader.describe(node) + ", which is not a path; expected " + FILE_EXPECTED);
            return null;
        }
    }

    /** The key; {@code null} after reporting a problem. Its value is never put in a message. */
    Secret key(YamlNode node, String path) {
        Secret key = nodes.secret(node, path, KEY_EXPECTED);
        if (key == null) {
            return null;
        }
        if (key.variable().isEmpty()) {
            nodes.problem(
                    node,
                    path,
                    "is written in the file; expected " + KEY_EXPECTED
                            + ", so that the key stays out of the file (and out of the hands of whoever can read it)");
            return null;
        }
        if (key.reveal().length() < MIN_KEY_LENGTH) {
            nodes.problem(
                    node,
                    path,
                    "is shorter than " + MIN_KEY_LENGTH + " characters (environment variable "
                            + key.variable().get() + "); expected " + KEY_EXPECTED);
            return null;
        }
        return key;
    }
}
