package dev.bridle.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The printed configuration, checked against a golden file, and read back. */
class ConfigPrinterTest {

    private static final boolean UPDATE = Boolean.getBoolean("bridle.golden.update");

    @Test
    void printsEveryValueWithSecretsMaskedAndTheirVariablesNamed() throws IOException {
        BridleConfig config = ConfigLoader.load(ConfigLoaderTest.VALID.resolve("full.yaml"), ConfigLoaderTest.ENV,
                getClass().getClassLoader());

        String printed = ConfigPrinter.print(config);

        Path golden = ConfigLoaderTest.VALID.resolve("full.printed.yaml");
        if (UPDATE) {
            Files.writeString(golden, printed, StandardCharsets.UTF_8);
        }
        assertThat(printed).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(printed).doesNotContain("SECRET");
    }

    @Test
    void printsDefaults() {
        BridleConfig config = ConfigLoader.load(ConfigLoaderTest.VALID.resolve("minimal.yaml"), Map.of(),
                getClass().getClassLoader());

        assertThat(ConfigPrinter.print(config)).isEqualTo("""
                # Effective configuration from src/test/resources/config/valid/minimal.yaml: defaults filled in, secrets masked.
                environment: dev
                dryRun: false
                app:
                  name: acme-bots-dev
                  purpose: test
                store:
                  url: "jdbc:h2:file:./data/bridle"
                  username: null
                  password: null
                platform:
                  api: v2
                  baseUrl: null  # the platform's own
                scheduler:
                  threads: 4
                modules: []
                accounts: []
                bots: []
                """);
    }

    @Test
    void whatItPrintsReadsBackAsTheSameConfiguration(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bridle.yaml"), """
                environment: staging
                dryRun: yes
                app: { name: "Acme: bots (staging)", purpose: "true" }
                store: { url: "jdbc:h2:mem:x;MODE=PostgreSQL", username: "0123" }
                platform: { api: V1.1, baseUrl: "https://localhost:8443/x?y=z#w" }
                modules: dev.bridle.config.testbots.TestModule
                accounts: [ { handle: "12345" }, { handle: acme } ]
                bots:
                  - { name: "1-a", class: dev.bridle.config.testbots.PosterBot, account: "12345", inbound: direct_messages }
                  - { name: b, class: dev.bridle.config.testbots.PosterBot, account: ACME, schedule: { every: PT1.5S } }
                  - { name: c, class: dev.bridle.config.testbots.PosterBot, account: acme, schedule: { cron: "0 0 9 ? * *", zone: "+02:00" }, inbound: [mentions, direct_messages] }
                """);
        BridleConfig original = ConfigLoader.load(file, Map.of(), getClass().getClassLoader());

        Path printed = Files.writeString(dir.resolve("printed.yaml"), ConfigPrinter.print(original));
        BridleConfig reread = ConfigLoader.load(printed, Map.of(), getClass().getClassLoader());

        assertThat(reread).usingRecursiveComparison().ignoringFields("source").isEqualTo(original);
    }

    @Test
    void masksPasswordsInJdbcUrls() {
        assertThat(ConfigPrinter.maskUrl("jdbc:postgresql://db/bridle?user=u&password=p4ss&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/bridle?user=u&password=****&ssl=true");
        assertThat(ConfigPrinter.maskUrl("jdbc:postgresql://u:p4ss@db/bridle"))
                .isEqualTo("jdbc:postgresql://u:****@db/bridle");
        assertThat(ConfigPrinter.maskUrl("jdbc:h2:file:./data/bridle")).isEqualTo("jdbc:h2:file:./data/bridle");
    }

    @Property
    void everyStringPrintsAsAScalarYamlReadsBack(@ForAll String value) throws IOException {
        String yaml = "value: " + ConfigPrinter.scalar(value) + "\n";

        String read = new YAMLMapper().readTree(yaml).get("value").asText();

        assertThat(read.replace("$${", "${")).isEqualTo(value.replace("$${", "${"));
    }
}
