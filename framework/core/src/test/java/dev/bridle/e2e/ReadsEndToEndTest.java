package dev.bridle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.Bridle;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.Mention;
import dev.bridle.bot.ReadResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Purpose;
import dev.bridle.config.Schedule;
import dev.bridle.internal.text.ContentHash;
import dev.bridle.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Guarded reads on a real Bridle and the real sandbox: a read the bot's purposes need reaches the platform through
 * twitter4j and is ledgered with its query's hash and object count; one they do not need is refused before any request.
 */
class ReadsEndToEndTest {

    private static final Map<String, ReadResult<?>> RESULTS = new ConcurrentHashMap<>();

    /** Looks up a customer and reads its mentions. */
    public static final class Lookup implements Bot {
        @Override
        public void onSchedule(BotContext ctx) {
            RESULTS.put("user", ctx.reads().user("@anna_k"));
            RESULTS.put("mentions", ctx.reads().mentions(null));
        }
    }

    /** Searches recent posts: one query about a product, one that would watch a protest. */
    public static final class Curator implements Bot {
        @Override
        public void onSchedule(BotContext ctx) {
            RESULTS.put("product", ctx.reads().search("acme release", 10, null));
            RESULTS.put("protest", ctx.reads().search("protest city hall saturday", 10, null));
        }
    }

    @TempDir
    Path dir;

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        RESULTS.clear();
        sandbox =
                Sandbox.builder().account("acme_help").account("anna_k").build().start();
        sandbox.injectMention("anna_k", "acme_help", "@acme_help where is my order?");
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private Bridle bridle(Purpose purpose) {
        return Bridle.builder()
                .app("acme-dev", "answering Acme's customers")
                .purposes(purpose)
                .store(dir.resolve("bridle"))
                .account("acme_help")
                .bot("lookup", "acme_help", new Lookup(), new Schedule.Every(Duration.ofHours(1)))
                .apiBaseUrl(sandbox.baseUrl())
                .credentials(
                        "acme_help",
                        sandbox.app().consumerKey(),
                        sandbox.app().consumerSecret(),
                        sandbox.account("acme_help").accessToken(),
                        sandbox.account("acme_help").accessTokenSecret())
                .build();
    }

    private static List<LedgerRecord> reads(Bridle bridle) {
        return bridle.ledger().tail(100).stream()
                .map(e -> e.record())
                .filter(r -> r.actionKind() != null && r.actionKind().startsWith("READ_"))
                .toList();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReadThePurposeNeedsIsMadeAndLedgeredWithoutItsContent() {
        try (Bridle bridle = bridle(Purpose.CUSTOMER_SUPPORT)) {
            bridle.runNow("lookup");

            ReadResult<Optional<UserRef>> user = (ReadResult<Optional<UserRef>>) RESULTS.get("user");
            assertThat(user)
                    .isInstanceOfSatisfying(
                            ReadResult.Read.class,
                            r -> assertThat(((Optional<UserRef>) r.value())
                                            .orElseThrow()
                                            .id())
                                    .isEqualTo(sandbox.userId("anna_k")));
            ReadResult<List<Mention>> mentions = (ReadResult<List<Mention>>) RESULTS.get("mentions");
            assertThat(mentions)
                    .isInstanceOfSatisfying(
                            ReadResult.Read.class,
                            r -> assertThat((List<Mention>) r.value())
                                    .extracting(Mention::text)
                                    .containsExactly("@acme_help where is my order?"));

            assertThat(reads(bridle))
                    .extracting(LedgerRecord::actionKind, LedgerRecord::event, LedgerRecord::message)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("READ_USER_LOOKUP", LedgerEvent.READ, "1 object"),
                            org.assertj.core.groups.Tuple.tuple("READ_MENTIONS", LedgerEvent.READ, "1 object"));
            assertThat(reads(bridle).get(0).contentHash()).isEqualTo(ContentHash.sha256Hex("anna_k"));
            assertThat(reads(bridle).toString()).doesNotContain("where is my order");
        }
    }

    @Test
    void aSearchThatWatchesAProtestIsRefusedBeforeAnyRequestAndAnOrdinaryOneIsMade() {
        sandbox.injectMention("anna_k", "acme_help", "the acme release is great");
        try (Bridle bridle = Bridle.builder()
                .app("acme-dev", "sharing posts about Acme")
                .purposes(Purpose.CONTENT_CURATION)
                .store(dir.resolve("curator"))
                .account("acme_help")
                .bot("curator", "acme_help", new Curator(), new Schedule.Every(Duration.ofHours(1)))
                .apiBaseUrl(sandbox.baseUrl())
                .credentials(
                        "acme_help",
                        sandbox.app().consumerKey(),
                        sandbox.app().consumerSecret(),
                        sandbox.account("acme_help").accessToken(),
                        sandbox.account("acme_help").accessTokenSecret())
                .build()) {
            bridle.runNow("curator");

            assertThat(RESULTS.get("product")).isInstanceOf(ReadResult.Read.class);
            assertThat(RESULTS.get("protest"))
                    .isInstanceOfSatisfying(
                            ReadResult.Refused.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.SURVEILLANCE));
            assertThat(sandbox.requests())
                    .filteredOn(r -> r.path().contains("/search/recent"))
                    .hasSize(1);
            assertThat(reads(bridle))
                    .extracting(LedgerRecord::event)
                    .containsExactly(LedgerEvent.READ, LedgerEvent.DENIED);
        }
    }

    @Test
    void aReadNoDeclaredPurposeNeedsIsRefusedBeforeAnyRequest() {
        try (Bridle bridle = bridle(Purpose.ANNOUNCEMENTS)) {
            int before = sandbox.requests().size();

            bridle.runNow("lookup");

            assertThat(RESULTS.get("user"))
                    .isInstanceOfSatisfying(
                            ReadResult.Refused.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.NOT_FOR_PURPOSE));
            assertThat(RESULTS.get("mentions")).isInstanceOf(ReadResult.Refused.class);
            assertThat(sandbox.requests().subList(before, sandbox.requests().size()))
                    .noneMatch(r ->
                            r.path().contains("/users/by/username") || r.path().contains("/mentions"));
            assertThat(reads(bridle)).extracting(LedgerRecord::event).containsOnly(LedgerEvent.DENIED);
        }
    }
}
