package dev.bridle.internal.read;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.ReasonCode;
import dev.bridle.internal.text.ContentHash;
import java.time.Instant;
import java.util.List;

/**
 * The ledger rows of a read: the kind, a hash of what was asked (a handle, an id, a query), and how many objects came
 * back; never the query's text nor what came back.
 */
public final class ReadRecords {

    private ReadRecords() {}

    /** A read the plan refused. */
    public static LedgerRecord refused(ReadRequest request, ReadRefusal refusal, Instant at) {
        return row(
                request,
                at,
                LedgerEvent.DENIED,
                refusal.step(),
                refusal.code().name(),
                refusal.code().rule().name(),
                refusal.message(),
                null);
    }

    /** A read that was made and returned {@code objects} objects. */
    public static LedgerRecord made(ReadRequest request, int objects, Instant at) {
        String count = objects + (objects == 1 ? " object" : " objects");
        return row(request, at, LedgerEvent.READ, null, null, null, count, null);
    }

    /** A read the platform answered by refusing the account (bad credentials, locked): the account is paused. */
    public static LedgerRecord accountRefused(ReadRequest request, String error, Instant at) {
        return row(
                request,
                at,
                LedgerEvent.FAILED,
                null,
                ReasonCode.ACCOUNT_PAUSED.name(),
                ReasonCode.ACCOUNT_PAUSED.rule().name(),
                "the platform refused the account; it is paused until an operator resumes it",
                error);
    }

    /** A read the platform failed. */
    public static LedgerRecord failed(ReadRequest request, String error, Instant at) {
        return row(request, at, LedgerEvent.FAILED, null, null, null, null, error);
    }

    private static LedgerRecord row(
            ReadRequest request,
            Instant at,
            LedgerEvent event,
            String guard,
            String reason,
            String rule,
            String message,
            String error) {
        return new LedgerRecord(
                at,
                request.id(),
                request.bot(),
                request.account(),
                request.kind().ledgerKind(),
                List.of(),
                hash(request),
                event,
                guard,
                reason,
                rule,
                message,
                null,
                error);
    }

    private static String hash(ReadRequest request) {
        return request.query() == null ? null : ContentHash.sha256Hex(request.query());
    }
}
