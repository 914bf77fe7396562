package dev.bridle.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import dev.bridle.internal.text.ContentHash;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console feed of {@code bridle run}, line for line, for each kind of outcome a run shows, read from the real
 * ledger: an operator's scripts and eyes read this text, so a change to it is a change someone sees. With
 * {@code -Dbridle.golden.update=true} the golden file is rewritten from the output first.
 */
class DecisionFeedGoldenTest {

    private static final String GOLDEN = "decision-feed.golden.txt";
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    @TempDir
    Path dir;

    @Test
    void theFeedPrintsEachOutcomeOnceAndNothingElseAsTheGoldenFileSays() throws Exception {
        StringWriter out = new StringWriter();
        try (Database db = Database.open(TestStores.h2(dir))) {
            db.migrate();
            try (JdbcAuditLedger ledger = JdbcAuditLedger.open(db)) {
                ledger.append(
                        row(0, "release-notes", "acme_news", "POST", LedgerEvent.SENT, null, null, null, "1001", null));
                DecisionFeed feed = new DecisionFeed(ledger, new PrintWriter(out), ZoneOffset.UTC);

                UUID post = UUID.randomUUID();
                ledger.append(row(
                        post,
                        1,
                        "release-notes",
                        "acme_news",
                        "POST",
                        LedgerEvent.ALLOWED,
                        null,
                        null,
                        null,
                        null,
                        null));
                ledger.append(row(
                        post,
                        2,
                        "release-notes",
                        "acme_news",
                        "POST",
                        LedgerEvent.SENT,
                        null,
                        null,
                        null,
                        "1868",
                        null));
                ledger.append(row(
                        3,
                        "thanks",
                        "acme_help",
                        "REPLY",
                        LedgerEvent.DENIED,
                        "consent",
                        "NO_CONSENT",
                        "no consent from user 2002 for reply",
                        null,
                        null));
                ledger.append(row(
                        4,
                        "release-notes-2",
                        "acme_help",
                        "POST",
                        LedgerEvent.DEFERRED,
                        "throttle.account",
                        "THROTTLED",
                        "posts for @acme_help: 1 a minute; retry at 09:01:04 (2 queued for @acme_help)",
                        null,
                        null));
                ledger.append(row(
                        5,
                        "follow-back",
                        "acme_help",
                        "FOLLOW",
                        LedgerEvent.FAILED,
                        null,
                        "PLATFORM_ERROR",
                        null,
                        null,
                        "403 You cannot follow more people at this time"));
                ledger.append(row(
                        6,
                        "thanks",
                        "acme_help",
                        "REPLY",
                        LedgerEvent.IN_DOUBT,
                        null,
                        null,
                        "the platform did not answer; settled from its timeline before any retry",
                        null,
                        "read timed out"));
                ledger.append(row(
                        7,
                        "release-notes",
                        "acme_news",
                        null,
                        LedgerEvent.BOT_ERROR,
                        null,
                        null,
                        null,
                        null,
                        "IllegalStateException: feed unreachable"));
                feed.printNew();
                feed.printNew();
            }
        }

        assertThat(out.toString()).isEqualTo(golden(out.toString()));
    }

    private static LedgerRecord row(
            int second,
            String bot,
            String account,
            String kind,
            LedgerEvent event,
            String guard,
            String reason,
            String message,
            String platformId,
            String error) {
        return row(UUID.randomUUID(), second, bot, account, kind, event, guard, reason, message, platformId, error);
    }

    private static LedgerRecord row(
            UUID request,
            int second,
            String bot,
            String account,
            String kind,
            LedgerEvent event,
            String guard,
            String reason,
            String message,
            String platformId,
            String error) {
        return new LedgerRecord(
                T0.plusSeconds(second),
                request,
                bot,
                account,
                kind,
                List.of("2002"),
                ContentHash.sha256Hex(bot + second),
                event,
                guard,
                reason,
                reason == null ? null : "AUTOMATED_CONTACT_CONSENT",
                message,
                platformId,
                error);
    }

    /** The golden text; with -Dbridle.golden.update=true, (re)writes it from {@code actual} (src/test/resources). */
    private static String golden(String actual) throws IOException {
        if (Boolean.getBoolean("bridle.golden.update")) {
            Path file = Path.of("src/test/resources/dev/bridle/internal/cli", GOLDEN);
            Files.writeString(file, actual, StandardCharsets.UTF_8);
            return actual;
        }
        try (InputStream in = DecisionFeedGoldenTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
