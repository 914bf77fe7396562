package dev.bridle.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bridle.Bridle;
import dev.bridle.BridleStore;
import dev.bridle.config.OnConsentEnd;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.people.PersonFacts;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bot's {@code onConsentEnd}: read from the file, given in code, and what the store then keeps when consent ends.
 */
class OnConsentEndConfigTest {

    @TempDir
    Path dir;

    private StoreConfig store;
    private Path file;

    @BeforeEach
    void writeConfig() throws Exception {
        store = TestStores.h2(dir);
        file = Files.writeString(dir.resolve("bridle.yaml"), """
                environment: dev
                app: { name: acme-bots-dev, purpose: answering customers, purposes: [customer_support] }
                store: { url: "%s" }
                accounts:
                  - handle: acme_help
                bots:
                  - { name: support, class: dev.bridle.internal.config.testbots.GreeterBot, account: acme_help,
                      inbound: mentions, onConsentEnd: keep-provided }
                  - { name: notes, class: dev.bridle.internal.config.testbots.GreeterBot, account: acme_help,
                      inbound: mentions }
                """.formatted(store.url()));
    }

    @Test
    void aBotForgetsUnlessItsConfigurationSaysKeepProvided() {
        BridleConfig config = ConfigLoader.load(file, Map.of(), getClass().getClassLoader());

        assertThat(config.bots())
                .extracting(BotConfig::name, BotConfig::onConsentEnd)
                .containsExactly(tuple("support", OnConsentEnd.KEEP_PROVIDED), tuple("notes", OnConsentEnd.FORGET));
        assertThat(config.botsKeepingProvided()).containsExactly("support");
        assertThat(ConfigPrinter.print(config)).contains("    onConsentEnd: keep-provided", "    onConsentEnd: forget");
    }

    @Test
    void codeTakesThePlaceOfABotsSettingAndTheStoreKeepsWhatThePersonProvided() {
        try (Database db = Database.open(store)) {
            db.migrate();
            PersonFacts facts = new PersonFacts(db, Clock.systemUTC());
            facts.put("support", "2001", "order", "A-1", "9001", true);
            facts.put("notes", "2001", "order", "A-1", "9001", true);
        }

        try (BridleStore opened = Bridle.builder()
                .config(file, Map.of())
                .onConsentEnd("support", OnConsentEnd.FORGET)
                .onConsentEnd("notes", OnConsentEnd.KEEP_PROVIDED)
                .openStore()) {
            opened.contacts().grant("2001", "acme_help", Set.of(ConsentScope.REPLY), "signup form 8841");
            opened.contacts().withdraw("2001", "acme_help", Set.of(ConsentScope.REPLY), "support ticket 12");

            assertThat(opened.people().facts("2001"))
                    .extracting(f -> f.bot() + ":" + f.key())
                    .containsExactly("notes:order");
        }
    }

    @Test
    void codeNamingABotThatIsNotConfiguredIsAProblem() {
        assertThatThrownBy(() -> Bridle.builder()
                        .config(file, Map.of())
                        .onConsentEnd("suport", OnConsentEnd.KEEP_PROVIDED)
                        .openStore())
                .hasMessageContaining("onConsentEnd: names bot 'suport', which is not configured")
                .hasMessageContaining("[support, notes]");
    }
}
