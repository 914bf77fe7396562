package dev.bridle.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.ReasonCode;
import dev.bridle.config.Purpose;
import dev.bridle.internal.text.ContentHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ReadPlanTest {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");

    /** Refuses any query naming "protest", as the real screen would; the screen's judgement has its own tests. */
    private static final QueryScreen SCREEN = query -> query.contains("protest")
            ? Optional.of(new QueryScreen.Watch(ReasonCode.SURVEILLANCE, "sensitive_event", List.of("protest")))
            : query.startsWith("from:")
                    ? Optional.of(
                            new QueryScreen.Watch(ReasonCode.PROFILING, "profiling", List.of("from:anna_k", "@anna_k")))
                    : Optional.empty();

    private final ReadPlan plan = ReadPlan.standard(SCREEN);

    private static ReadRequest read(ReadKind kind, String query, Purpose... purposes) {
        return new ReadRequest(UUID.randomUUID(), "curator", "acme_news", Set.of(purposes), kind, query);
    }

    @Test
    void aReadTheBotsPurposeNeedsPasses() {
        assertThat(plan.check(read(ReadKind.SEARCH_RECENT, "acme release notes", Purpose.CONTENT_CURATION)))
                .isEmpty();
        assertThat(plan.check(read(ReadKind.USER_LOOKUP, "anna", Purpose.CUSTOMER_SUPPORT)))
                .isEmpty();
    }

    @Test
    void aReadNoDeclaredPurposeNeedsIsRefusedNamingThePurposesThatWould() {
        Optional<ReadRefusal> refusal = plan.check(read(ReadKind.SEARCH_RECENT, "acme", Purpose.ANNOUNCEMENTS));

        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.NOT_FOR_PURPOSE);
            assertThat(r.step()).isEqualTo("PurposeReadStep");
            assertThat(r.message()).contains("only announcements", "content_curation", "research_aggregate");
        });
        assertThat(plan.check(read(ReadKind.FOLLOWERS, null)))
                .hasValueSatisfying(r -> assertThat(r.message()).contains("declares no purpose"));
    }

    @Test
    void aSearchThatWatchesASensitiveEventIsRefusedWithItsRule() {
        Optional<ReadRefusal> refusal =
                plan.check(read(ReadKind.SEARCH_RECENT, "protest near city hall", Purpose.CONTENT_CURATION));

        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.SURVEILLANCE);
            assertThat(r.code().rule().name()).isEqualTo("NO_SURVEILLANCE");
            assertThat(r.message()).contains("sensitive event", "protest");
        });
    }

    /** The refusal named the handle a profiling query watched, and it went to the ledger with it. */
    @Test
    void aProfilingRefusalDoesNotNameThePersonItWouldHaveWatched() {
        Optional<ReadRefusal> refusal =
                plan.check(read(ReadKind.SEARCH_RECENT, "from:anna_k", Purpose.CONTENT_CURATION));

        assertThat(refusal).hasValueSatisfying(r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.PROFILING);
            assertThat(r.message()).contains("from:…", "@…").doesNotContain("anna_k");
        });
        assertThat(WatchRuleStep.withoutName("-to:bob")).isEqualTo("-to:…");
        assertThat(WatchRuleStep.withoutName("protest*")).isEqualTo("protest*");
    }

    @Test
    void aStreamRuleIsClassifiedAsASearchQueryIsAndNeedsASearchingPurpose() {
        assertThat(plan.check(read(ReadKind.STREAM_RULES, "protest near city hall", Purpose.CONTENT_CURATION)))
                .hasValueSatisfying(r -> {
                    assertThat(r.code()).isEqualTo(ReasonCode.SURVEILLANCE);
                    assertThat(r.step()).isEqualTo("WatchRuleStep");
                    assertThat(r.message()).startsWith("the stream rule is sensitive event (matched: protest)");
                });
        assertThat(plan.check(read(ReadKind.STREAM_RULES, "acme release", Purpose.CONTENT_CURATION)))
                .isEmpty();
        assertThat(plan.check(read(ReadKind.STREAM_RULES, "acme release", Purpose.CUSTOMER_SUPPORT)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(ReasonCode.NOT_FOR_PURPOSE));
        // Listing names no rule, so there is nothing to classify; the purpose still counts.
        assertThat(plan.check(read(ReadKind.STREAM_RULES_LIST, null, Purpose.CONTENT_CURATION)))
                .isEmpty();
        assertThat(plan.check(read(ReadKind.STREAM_RULES_LIST, null, Purpose.ANNOUNCEMENTS)))
                .hasValueSatisfying(r -> assertThat(r.code()).isEqualTo(ReasonCode.NOT_FOR_PURPOSE));
    }

    @Test
    void aStepThatCannotDecideRefuses() {
        ReadPlan broken = ReadPlan.standard(query -> {
            throw new IllegalStateException("watch terms unreadable");
        });

        assertThat(broken.check(read(ReadKind.SEARCH_RECENT, "acme", Purpose.CONTENT_CURATION)))
                .hasValueSatisfying(r -> {
                    assertThat(r.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE);
                    assertThat(r.message()).contains("WatchRuleStep", "watch terms unreadable");
                });
    }

    @Test
    void theLedgerGetsTheQuerysHashAndTheCountNeverTheText() {
        ReadRequest request = read(ReadKind.SEARCH_RECENT, "acme release notes", Purpose.CONTENT_CURATION);

        LedgerRecord made = ReadRecords.made(request, 12, NOW);

        assertThat(made.event()).isEqualTo(LedgerEvent.READ);
        assertThat(made.actionKind()).isEqualTo("READ_SEARCH_RECENT");
        assertThat(made.contentHash()).isEqualTo(ContentHash.sha256Hex("acme release notes"));
        assertThat(made.message()).isEqualTo("12 objects");
        assertThat(made.toString()).doesNotContain("release notes");
        LedgerRecord refused = ReadRecords.refused(
                request,
                plan.check(read(ReadKind.SEARCH_RECENT, "q", Purpose.ANNOUNCEMENTS))
                        .orElseThrow(),
                NOW);
        assertThat(refused.event()).isEqualTo(LedgerEvent.DENIED);
        assertThat(refused.reason()).isEqualTo("NOT_FOR_PURPOSE");
    }
}
