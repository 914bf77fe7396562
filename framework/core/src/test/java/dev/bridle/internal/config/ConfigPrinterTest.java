package dev.bridle.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
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
        BridleConfig config = ConfigLoader.load(
                ConfigLoaderTest.VALID.resolve("full.yaml"),
                ConfigLoaderTest.ENV,
                getClass().getClassLoader());

        // The keyword file prints as an absolute path; the golden file has it relative to this module.
        String printed = ConfigPrinter.print(config).replace(Path.of("").toAbsolutePath() + File.separator, "");

        Path golden = ConfigLoaderTest.VALID.resolve("full.printed.yaml");
        if (UPDATE) {
            Files.writeString(golden, printed, StandardCharsets.UTF_8);
        }
        assertThat(printed).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        assertThat(printed).doesNotContain("SECRET");
    }

    @Test
    void printsDefaults() throws IOException {
        BridleConfig config = ConfigLoader.load(
                ConfigLoaderTest.VALID.resolve("minimal.yaml"),
                Map.of(),
                getClass().getClassLoader());

        String printed = ConfigPrinter.print(config);

        Path golden = ConfigLoaderTest.VALID.resolve("minimal.printed.yaml");
        if (UPDATE) {
            Files.writeString(golden, printed, StandardCharsets.UTF_8);
        }
        assertThat(printed).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @Test
    void whatItPrintsReadsBackAsTheSameConfiguration(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("bridle.yaml"), """
                environment: staging
                dryRun: yes
                app: { name: "Acme: bots (staging)", purpose: "true" }
                store: { url: "jdbc:h2:mem:x;MODE=PostgreSQL", username: "0123" }
                platform: { api: V1.1, baseUrl: "https://localhost:8443/x?y=z#w" }
                modules: dev.bridle.internal.config.testbots.TestModule
                accounts: [ { handle: "12345" }, { handle: acme } ]
                bots:
                  - { name: "1-a", class: dev.bridle.internal.config.testbots.PosterBot, account: "12345", inbound: direct_messages }
                  - { name: b, class: dev.bridle.internal.config.testbots.PosterBot, account: ACME, schedule: { every: PT1.5S } }
                  - { name: c, class: dev.bridle.internal.config.testbots.PosterBot, account: acme,
                      schedule: { cron: "0 0 9 ? * *", zone: "+02:00" }, inbound: [mentions, direct_messages], onThrottle: drop }
                throttles:
                  onThrottle: drop
                  accounts: { post: "1 per 90 minutes", like: ["3 per hour", "4 per 2 days"] }
                  overrides: { "12345": { reply: "7 per day" }, ACME: { follow: "1 per week" } }
                  targets: { contacts: "1 per 36 hours" }
                  follows: { maxAccountsPerUser: 3, accountsWindow: PT36H, noUnfollowWithin: 100000s, noRefollowWithin: 8 days }
                  minSpacing: PT1.5S
                  coordinationWindow: 1 hour
                duplicates: { window: 366d, threshold: 0.123456789, denyExactWithinAccount: false, denyNearWithinAccount: true }
                consent:
                  operator: "Acme: $${env:X}"
                  expiry: PT8760H
                  notice: { version: "1.0", language: pt-BR, scopes: [link_identity, follow, LINK_IDENTITY], text: "Responda START.\n#1" }
                  policyVersion: "null"
                  jurisdiction: "US-CA"
                  contact: "mailto:privacy@acme.example"
                  cacheTtl: 0s
                  interactionHashtag: "#Acme_2"
                  interactionExpiry: 90m
                optout:
                  keywords: kw.yaml
                  scope: account
                  accounts: { "12345": operator, Acme: account }
                  askWhenAmbiguous: off
                  cacheTtl: PT0.25S
                inbound:
                  poll: { mentionsEvery: 3s, directMessagesEvery: 61s }
                  webhook: { enabled: no, bind: "::1", port: 0, path: "/a/b?c", maxBodyBytes: 1024 }
                """);
        Files.copy(ConfigLoaderTest.VALID.resolve("keywords.yaml"), dir.resolve("kw.yaml"));
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
