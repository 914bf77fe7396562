package dev.bridle.bench;

import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigLoader;
import dev.bridle.internal.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** An H2 file store opened and migrated the way Bridle opens it, from a configuration file. */
public final class BenchStore {

    private BenchStore() {}

    /** A minimal configuration with its store in {@code dir}, loaded as {@code bridle check} would. */
    public static BridleConfig config(Path dir, String botClass, String schedule) throws Exception {
        Path file = dir.resolve("bridle.yaml");
        String yaml = "environment: dev\n"
                + "app:\n  name: bench-bots-dev\n  purpose: \"measure what the guards cost\"\n"
                + "store:\n  url: \"jdbc:h2:file:"
                + dir.resolve("store").resolve("bridle").toAbsolutePath() + "\"\n"
                + "accounts:\n  - handle: bench_a\n"
                + "bots:\n  - name: bench\n    class: " + botClass + "\n    account: bench_a\n    schedule:\n      "
                + schedule + "\n";
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return ConfigLoader.load(file, Map.of(), BenchStore.class.getClassLoader());
    }

    /** The store of {@link #config}, open and migrated. */
    public static Database open(Path dir) throws Exception {
        Database db =
                Database.open(config(dir, NoOpBot.class.getName(), "every: 1d").store());
        db.migrate();
        return db;
    }
}
