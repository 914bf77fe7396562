package dev.bridle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.bridle.Bridle;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.ReadResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.StreamRule;
import dev.bridle.config.Purpose;
import dev.bridle.config.Schedule;
import dev.bridle.internal.text.ContentHash;
import dev.bridle.sandbox.Sandbox;
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
 * Filtered-stream rules on a real Bridle and the real sandbox: a rule that would watch a protest, profile one person or
 * count the platform is refused before any request (the sandbox's request log shows none); an ordinary rule is
 * registered; one the platform rejects is {@code Failed} with its reason; each is ledgered with the rule's hash.
 */
class StreamRulesEndToEndTest {

    private static final Map<String, ReadResult<?>> RESULTS = new ConcurrentHashMap<>();
    private static final String RULES_PATH = "/2/tweets/search/stream/rules";

    /** Registers the rules a curator of Acme posts might, and some it must not. */
    public static final class Watcher implements Bot {
        @Override
        public void onSchedule(BotContext ctx) {
            RESULTS.put("product", ctx.reads().streamRules().add("acme release", "releases"));
            RESULTS.put("protest", ctx.reads().streamRules().add("protest city hall saturday", null));
            RESULTS.put("person", ctx.reads().streamRules().add("from:anna_k", null));
            RESULTS.put("everything", ctx.reads().streamRules().add("lang:de", null));
            RESULTS.put("duplicate", ctx.reads().streamRules().add("acme release", null));
            RESULTS.put("list", ctx.reads().streamRules().list());
        }
    }

    /** Deletes every rule the app has (its purpose no longer needs them). */
    public static final class Cleaner implements Bot {
        @Override
        public void onSchedule(BotContext ctx) {
            RESULTS.put("list", ctx.reads().streamRules().list());
            RESULTS.put("delete", ctx.reads().streamRules().delete(List.of(RULE_ID.get())));
        }
    }

    private static final java.util.concurrent.atomic.AtomicReference<String> RULE_ID =
            new java.util.concurrent.atomic.AtomicReference<>();

    @TempDir
    Path dir;

    private Sandbox sandbox;

    @BeforeEach
    void startSandbox() {
        RESULTS.clear();
        sandbox = Sandbox.builder().account("acme_news").build().start();
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private Bridle bridle(String name, Bot bot, Purpose purpose) {
        return Bridle.builder()
                .app("acme-dev", "sharing posts about Acme")
                .purposes(purpose)
                .store(dir.resolve(name))
                .account("acme_news")
                .bot(name, "acme_news", bot, new Schedule.Every(Duration.ofHours(1)))
                .apiBaseUrl(sandbox.baseUrl())
                .credentials(
                        "acme_news",
                        sandbox.app().consumerKey(),
                        sandbox.app().consumerSecret(),
                        sandbox.account("acme_news").accessToken(),
                        sandbox.account("acme_news").accessTokenSecret())
                .build();
    }

    private static List<LedgerRecord> streamRuleRows(Bridle bridle) {
        return bridle.ledger().tail(100).stream()
                .map(e -> e.record())
                .filter(r -> r.actionKind() != null && r.actionKind().startsWith("READ_STREAM_RULES"))
                .toList();
    }

    private static ReasonCode refusal(String key) {
        return ((ReadResult.Refused<?>) RESULTS.get(key)).code();
    }

    @Test
    @SuppressWarnings("unchecked")
    void watchingRulesAreRefusedBeforeAnyRequestAndAnOrdinaryOneIsRegistered() {
        try (Bridle bridle = bridle("watcher", new Watcher(), Purpose.CONTENT_CURATION)) {
            bridle.runNow("watcher");

            assertThat(RESULTS.get("product"))
                    .isInstanceOfSatisfying(
                            ReadResult.Read.class,
                            r -> assertThat(((StreamRule) r.value()).tag()).isEqualTo("releases"));
            assertThat(refusal("protest")).isEqualTo(ReasonCode.SURVEILLANCE);
            assertThat(refusal("person")).isEqualTo(ReasonCode.PROFILING);
            assertThat(refusal("everything")).isEqualTo(ReasonCode.SERVICE_MEASUREMENT);
            assertThat(RESULTS.get("duplicate"))
                    .isInstanceOfSatisfying(
                            ReadResult.Failed.class,
                            f -> assertThat(f.message())
                                    .startsWith("REJECTED: POST /2/tweets/search/stream/rules did not create the rule:"
                                            + " DuplicateRule"));
            assertThat(RESULTS.get("list"))
                    .isInstanceOfSatisfying(
                            ReadResult.Read.class,
                            r -> assertThat((List<StreamRule>) r.value())
                                    .extracting(StreamRule::value)
                                    .containsExactly("acme release"));

            // Only the two rules the plan allowed, and the list, reached the sandbox.
            assertThat(sandbox.requests())
                    .filteredOn(r -> r.path().equals(RULES_PATH))
                    .extracting(r -> r.method() + " " + r.status())
                    .containsExactly("POST 201", "POST 200", "GET 200");

            List<LedgerRecord> rows = streamRuleRows(bridle);
            assertThat(rows)
                    .extracting(LedgerRecord::actionKind, LedgerRecord::event, LedgerRecord::reason)
                    .containsExactly(
                            tuple("READ_STREAM_RULES", LedgerEvent.READ, null),
                            tuple("READ_STREAM_RULES", LedgerEvent.DENIED, "SURVEILLANCE"),
                            tuple("READ_STREAM_RULES", LedgerEvent.DENIED, "PROFILING"),
                            tuple("READ_STREAM_RULES", LedgerEvent.DENIED, "SERVICE_MEASUREMENT"),
                            tuple("READ_STREAM_RULES", LedgerEvent.FAILED, null),
                            tuple("READ_STREAM_RULES_LIST", LedgerEvent.READ, null));
            assertThat(rows.get(1).contentHash()).isEqualTo(ContentHash.sha256Hex("protest city hall saturday"));
            assertThat(rows.get(2).contentHash()).isEqualTo(ContentHash.sha256Hex("from:anna_k"));
            // The rule's text is never kept; a refusal names only the watch terms that decided (as a search's does).
            assertThat(rows.toString()).doesNotContain("city hall", "acme release", "saturday");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBotWithoutASearchingPurposeCannotAddOrListRulesButCanDeleteThem() {
        try (Bridle bridle = bridle("watcher", new Watcher(), Purpose.CONTENT_CURATION)) {
            bridle.runNow("watcher");
            RULE_ID.set(((ReadResult.Read<StreamRule>) RESULTS.get("product"))
                    .value()
                    .id());
        }
        RESULTS.clear();
        int before = sandbox.requests().size();
        try (Bridle bridle = bridle("cleaner", new Cleaner(), Purpose.ANNOUNCEMENTS)) {
            bridle.runNow("cleaner");

            assertThat(refusal("list")).isEqualTo(ReasonCode.NOT_FOR_PURPOSE);
            assertThat(RESULTS.get("delete"))
                    .isInstanceOfSatisfying(
                            ReadResult.Read.class,
                            r -> assertThat((Set<String>) r.value()).containsExactly(RULE_ID.get()));
            assertThat(sandbox.requests().subList(before, sandbox.requests().size()))
                    .filteredOn(r -> r.path().equals(RULES_PATH))
                    .extracting(r -> r.method())
                    .containsExactly("POST");
            assertThat(streamRuleRows(bridle))
                    .extracting(LedgerRecord::actionKind, LedgerRecord::event)
                    .containsExactly(
                            tuple("READ_STREAM_RULES_LIST", LedgerEvent.DENIED),
                            tuple("READ_STREAM_RULES_DELETE", LedgerEvent.READ));
        }
    }
}
