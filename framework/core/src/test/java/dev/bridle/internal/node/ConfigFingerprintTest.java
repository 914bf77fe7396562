package dev.bridle.internal.node;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.Bot;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigLoader;
import dev.bridle.internal.config.ConfigPrinter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFingerprintTest {

    /** A bot that does nothing, for configurations that name one. */
    public static final class Quiet implements Bot {}

    static final String NODE_A = """
            environment: dev
            app: { name: acme-bots-dev, purpose: "testing nodes" }
            store: { url: "jdbc:postgresql://db-a.internal:5432/bridle", username: bridle_a, password: "${env:DB_PASSWORD}" }
            scheduler: { threads: 4 }
            accounts:
              - handle: acme_news
                credentials: { consumerKey: "${env:CK}", consumerSecret: "${env:CS}",
                               accessToken: "${env:AT}", accessTokenSecret: "${env:AS}" }
            bots:
              - { name: quiet, class: dev.bridle.internal.node.ConfigFingerprintTest$Quiet, account: acme_news, inbound: [mentions] }
            inbound:
              webhook: { enabled: true, bind: 0.0.0.0, port: 8443 }
            """;

    static final Map<String, String> ENV =
            Map.of("DB_PASSWORD", "pw-a", "CK", "ck", "CS", "cs-secret-value", "AT", "at", "AS", "as-secret-value");

    @TempDir
    Path dir;

    BridleConfig load(String yaml, Map<String, String> env) throws Exception {
        Path file = Files.createTempFile(dir, "bridle", ".yaml");
        Files.writeString(file, yaml);
        return ConfigLoader.load(file, env, getClass().getClassLoader());
    }

    ConfigFingerprint of(String yaml) throws Exception {
        return ConfigFingerprint.of(ConfigPrinter.print(load(yaml, ENV)));
    }

    @Test
    void whatMayDifferPerNodeDoesNotChangeTheFingerprint() throws Exception {
        String nodeB = NODE_A.replace("db-a.internal", "10.0.0.7")
                .replace("bridle_a", "bridle_b")
                .replace("threads: 4", "threads: 16")
                .replace("enabled: true, bind: 0.0.0.0, port: 8443", "enabled: false, port: 9000")
                .replace("consumerSecret: \"${env:CS}\"", "consumerSecret: \"written-in-the-file\"");

        assertThat(ConfigFingerprint.of(ConfigPrinter.print(
                        load(nodeB, Map.of("DB_PASSWORD", "another", "CK", "ck", "AT", "at", "AS", "x")))))
                .isEqualTo(of(NODE_A));
    }

    @Test
    void anotherBotListDiffersInTheBotsSection() throws Exception {
        ConfigFingerprint a = of(NODE_A);
        ConfigFingerprint b = of(NODE_A.replace("""
                bots:
                """, """
                bots:
                  - { name: second, class: dev.bridle.internal.node.ConfigFingerprintTest$Quiet, account: acme_news, inbound: [mentions] }
                """));

        assertThat(b.hash()).isNotEqualTo(a.hash());
        assertThat(a.differingSections(b)).containsExactly("bots");
    }

    @Test
    void throttlesAndEnvironmentDifferencesAreNamed() throws Exception {
        ConfigFingerprint a = of(NODE_A);
        ConfigFingerprint b = of(NODE_A.replace("environment: dev", "environment: dev\ndryRun: true")
                + "throttles:\n  accounts:\n    post: [\"10 per hour\"]\n");

        assertThat(a.differingSections(b)).containsExactly("dryRun", "throttles");
    }

    @Test
    void theCanonicalFormHoldsNoSecretAndNoPerNodeSection() throws Exception {
        ConfigFingerprint a = of(NODE_A);

        assertThat(a.text())
                .doesNotContain("cs-secret-value", "as-secret-value", "pw-a", "db-a.internal", "8443", "threads")
                .contains("consumerSecret: \"****\"\n", "bots:", "throttles:");
        assertThat(a.hash()).hasSize(64);
    }

    /** A section added to the configuration must be classified: shared by every node, or its own. */
    @Test
    void everySectionThePrinterWritesIsClassified() throws Exception {
        Set<String> sections = ConfigFingerprint.sections(ConfigPrinter.print(load(NODE_A, ENV)))
                .keySet();
        Set<String> classified = new HashSet<>(ConfigFingerprint.CHECKED);
        classified.addAll(ConfigFingerprint.PER_NODE);

        assertThat(classified).containsExactlyInAnyOrderElementsOf(sections);
    }
}
