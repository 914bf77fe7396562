package dev.bridle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.Bridle;
import dev.bridle.BridleStore;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.FactResult;
import dev.bridle.bot.Mention;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Inbound;
import dev.bridle.config.OnConsentEnd;
import dev.bridle.config.Purpose;
import dev.bridle.config.Schedule;
import dev.bridle.consent.ConsentScope;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxPost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bot remembers facts and counts aggregates through its context on a real Bridle (sandbox, H2): an allowed fact is
 * kept, a sensitive one is refused and ledgered without its value, state cannot be used instead, a purpose that keeps
 * no facts refuses them, and an opt-out recorded through Bridle forgets the person.
 */
class PeopleEndToEndTest {

    private static final UserRef ANNA = new UserRef("2001", "anna");
    private static final Map<String, FactResult> RESULTS = new ConcurrentHashMap<>();

    /** Remembers what support learns about Anna, and counts its answers. */
    public static final class Support implements Bot {
        @Override
        public void onSchedule(BotContext ctx) {
            RESULTS.put("language", ctx.people().put(ANNA, "preferred-language", "de"));
            RESULTS.put("condition", ctx.people().put(ANNA, "note", "she is pregnant, due in May"));
            ctx.aggregates().increment("answers", Map.of("language", "de"));
        }
    }

    /** Keeps the order number a customer gives in a mention, and a guess of its own about them. */
    public static final class OrderDesk implements Bot {
        @Override
        public void onMention(Mention mention, BotContext ctx) {
            ctx.people()
                    .put(
                            mention.author(),
                            "order",
                            mention.text().replaceAll(".*#order\\s+(\\S+).*", "$1"),
                            mention.post());
            ctx.people().put(mention.author(), "tone", "impatient"); // the bot's own reading: derived
        }
    }

    @TempDir
    Path dir;

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        RESULTS.clear();
        sandbox = Sandbox.builder().account("acme_help").build().start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private Bridle.Builder bridle(Purpose purpose) {
        return Bridle.builder()
                .app("acme-dev", "answering Acme's customers")
                .purposes(purpose)
                .store(dir.resolve("bridle"))
                .account("acme_help")
                .bot("support", "acme_help", new Support(), new Schedule.Every(Duration.ofHours(1)))
                .apiBaseUrl(sandbox.baseUrl())
                .credentials(
                        "acme_help",
                        sandbox.app().consumerKey(),
                        sandbox.app().consumerSecret(),
                        sandbox.account("acme_help").accessToken(),
                        sandbox.account("acme_help").accessTokenSecret());
    }

    private static List<LedgerRecord> records(Bridle bridle) {
        return bridle.ledger().tail(100).stream().map(e -> e.record()).toList();
    }

    @Test
    void anAllowedFactIsKeptASensitiveOneRefusedAndAnOptOutForgetsThePerson() {
        try (Bridle bridle = bridle(Purpose.CUSTOMER_SUPPORT).build()) {
            bridle.runNow("support");

            assertThat(RESULTS.get("language").stored()).isTrue();
            assertThat(RESULTS.get("condition")).isInstanceOfSatisfying(FactResult.Refused.class, r -> {
                assertThat(r.code()).isEqualTo(ReasonCode.SENSITIVE_ATTRIBUTE);
                assertThat(r.category()).isEqualTo("health");
            });
            LedgerRecord refusal = records(bridle).stream()
                    .filter(r -> "FACT".equals(r.actionKind()))
                    .findFirst()
                    .orElseThrow();
            assertThat(refusal.event()).isEqualTo(LedgerEvent.DENIED);
            assertThat(refusal.reason()).isEqualTo("SENSITIVE_ATTRIBUTE");
            assertThat(refusal.toString()).doesNotContain("pregnant");
            assertThat(bridle.ledger().verify().intact()).isTrue();

            bridle.contacts().grant("2001", "acme_help", Set.of(ConsentScope.REPLY), "support ticket 1");
        }
        try (BridleStore store = bridle(Purpose.CUSTOMER_SUPPORT).openStore()) {
            assertThat(store.people().facts("2001"))
                    .extracting(f -> f.key() + "=" + f.value())
                    .containsExactly("preferred-language=de");
            store.contacts().optOut("2001", "acme_help", "asked by email, ticket 2");
            assertThat(store.people().facts("2001")).isEmpty();
        }
    }

    @Test
    void aBotWhosePurposeKeepsNoFactsIsRefusedThemButMayCount() {
        try (Bridle bridle = bridle(Purpose.ANNOUNCEMENTS).build()) {
            bridle.runNow("support");

            assertThat(RESULTS.get("language"))
                    .isInstanceOfSatisfying(
                            FactResult.Refused.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.NOT_FOR_PURPOSE));
            assertThat(records(bridle)).noneMatch(r -> r.event() == LedgerEvent.BOT_ERROR);
        }
    }

    @Test
    void aBotThatKeepsWhatWasProvidedKeepsTheOrderNumberThroughAnOptOutAndForgetsItsGuess() {
        sandbox.close();
        sandbox = Sandbox.builder()
                .account("acme_help")
                .simulatedUser("ana")
                .build()
                .start();
        String ana = sandbox.userId("ana");
        try (Bridle bridle = Bridle.builder()
                .app("acme-dev", "answering Acme's customers")
                .purposes(Purpose.CUSTOMER_SUPPORT)
                .store(dir.resolve("bridle"))
                .account("acme_help")
                .bot("orders", "acme_help", new OrderDesk(), null, Inbound.MENTIONS)
                .onConsentEnd("orders", OnConsentEnd.KEEP_PROVIDED)
                .apiBaseUrl(sandbox.baseUrl())
                .credentials(
                        "acme_help",
                        sandbox.app().consumerKey(),
                        sandbox.app().consumerSecret(),
                        sandbox.account("acme_help").accessToken(),
                        sandbox.account("acme_help").accessTokenSecret())
                .manualScheduling()
                .build()) {
            bridle.start();
            SandboxPost mention = sandbox.injectMention("ana", "acme_help", "my parcel is late, #order A-1234");
            bridle.runDue();

            assertThat(bridle.people().facts(ana))
                    .extracting(f -> f.key() + "=" + f.value() + (f.provided() ? " provided" : ""))
                    .containsExactlyInAnyOrder("order=A-1234 provided", "tone=impatient");

            sandbox.injectMention("ana", "acme_help", "STOP");
            bridle.runDue();

            assertThat(bridle.contacts().status(ana, "acme_help").optedOut()).isTrue();
            assertThat(bridle.people().facts(ana))
                    .extracting(f -> f.key() + " from " + f.source())
                    .containsExactly("order from " + mention.id());
        }
    }

    @Test
    void aProhibitedPurposeStopsTheBuildWithItsRule() {
        assertThatThrownBy(() -> bridle(Purpose.BACKGROUND_CHECKS).build())
                .hasMessageContaining("background_checks")
                .hasMessageContaining("NO_SURVEILLANCE");
    }
}
