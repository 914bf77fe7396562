package dev.bridle.internal.audit;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.guard.ActionKind;
import dev.bridle.internal.text.ContentHash;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Ledger records for tests. */
final class LedgerRecords {

    static final Instant T0 = Instant.parse("2025-03-01T09:00:00.123456Z");

    private LedgerRecords() {}

    /** A denial with most fields set, distinct for each {@code i}. */
    static LedgerRecord denied(int i) {
        return new LedgerRecord(
                T0.plusSeconds(i),
                new UUID(7, i),
                "thanks",
                "acme_news",
                ActionKind.REPLY.name(),
                List.of("1001", "100" + i),
                ContentHash.sha256Hex("reply " + i),
                LedgerEvent.DENIED,
                "ConsentGuard",
                "NO_CONSENT",
                "AUTOMATED_CONTACT_CONSENT",
                "no consent from 100" + i,
                null,
                null);
    }

    /** A record with every field set, including awkward text. */
    static LedgerRecord everyField() {
        return new LedgerRecord(
                T0,
                UUID.fromString("0b9c1e3a-7f2d-4c55-9a61-2f0e8d4b7c10"),
                "digest",
                "acme_news",
                ActionKind.DIRECT_MESSAGE.name(),
                List.of("42", "a,b", "\"quoted\"", "ünï ☃"),
                ContentHash.sha256Hex("hello"),
                LedgerEvent.FAILED,
                "ThrottleGuard",
                "RATE_LIMITED",
                "BULK_ACTIONS",
                "a sentence; with 'quotes' and\nnewlines",
                "1789000000000000001",
                "HTTP 503: service unavailable");
    }

    /** A bot error: only the required fields. */
    static LedgerRecord botError() {
        return new LedgerRecord(
                T0,
                null,
                "thanks",
                "acme_news",
                null,
                List.of(),
                null,
                LedgerEvent.BOT_ERROR,
                null,
                null,
                null,
                null,
                null,
                "NullPointerException");
    }
}
