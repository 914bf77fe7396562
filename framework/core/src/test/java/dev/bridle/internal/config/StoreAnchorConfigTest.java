package dev.bridle.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code store.anchor} and {@code store.anchorKey}: where the ledger anchor is, and the key that seals it. */
class StoreAnchorConfigTest {

    private static final String HEAD = """
            environment: dev
            app: { name: acme-bots-dev, purpose: test }
            """;
    private static final String KEY = "k3y-SECRET-0123456789abcdef-0123456789";

    @TempDir
    Path dir;

    private BridleConfig load(String store, Map<String, String> env) throws IOException {
        Path sub = Files.createDirectories(dir.resolve("conf"));
        return ConfigLoader.load(
                Files.writeString(sub.resolve("bridle.yaml"), HEAD + store),
                env,
                getClass().getClassLoader());
    }

    private YamlProblem problem(String store, Map<String, String> env) {
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> load(store, env));
        assertThat(e.getMessage()).doesNotContain("SECRET");
        return e.problems().get(0);
    }

    @Test
    void byDefaultTheAnchorIsInTheDefaultPlaceWithoutAKey() throws IOException {
        StoreConfig store = load("", Map.of()).store();

        assertThat(store.anchor()).isNull();
        assertThat(store.anchorKey()).isNull();
    }

    @Test
    void anAnchorPathIsReadBesideTheConfigurationFileAndAKeyFromTheEnvironment() throws IOException {
        StoreConfig store = load(
                        "store: { anchor: anchors/bridle.ledger-anchor, anchorKey: \"${env:ANCHOR}\" }\n",
                        Map.of("ANCHOR", KEY))
                .store();

        assertThat(store.anchor())
                .isEqualTo(dir.resolve("conf/anchors/bridle.ledger-anchor").toAbsolutePath());
        assertThat(store.anchorKey().reveal()).isEqualTo(KEY);
        assertThat(store.anchorKey().variable()).contains("ANCHOR");
        assertThat(store.toString()).doesNotContain("SECRET");
    }

    @Test
    void aKeyWrittenInTheFileIsRefusedWithoutEchoingIt() {
        YamlProblem p = problem("store: { anchorKey: \"" + KEY + "\" }\n", Map.of());

        assertThat(p.path()).isEqualTo("store.anchorKey");
        assertThat(p.message()).startsWith("is written in the file; expected a key of at least 32 characters");
    }

    @Test
    void aShortKeyIsRefused() {
        YamlProblem p = problem("store: { anchorKey: \"${env:ANCHOR}\" }\n", Map.of("ANCHOR", "SECRET-short"));

        assertThat(p.message()).startsWith("is shorter than 32 characters (environment variable ANCHOR)");
    }

    @Test
    void anAnchorForAnInMemoryStoreIsRefused() {
        YamlProblem p = problem("store: { url: \"jdbc:h2:mem:x\", anchor: x.ledger-anchor }\n", Map.of());

        assertThat(p.path()).isEqualTo("store.anchor");
        assertThat(p.message()).contains("an H2 database in memory");
    }
}
