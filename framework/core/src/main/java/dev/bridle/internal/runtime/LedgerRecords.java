package dev.bridle.internal.runtime;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.text.ContentHash;
import java.time.Instant;

/** Builds ledger records from requests, so every row is filled the same way. */
final class LedgerRecords {

    private LedgerRecords() {}

    static LedgerRecord decision(
            ActionRequest request, Instant at, LedgerEvent event, String guard, ReasonCode code, String message) {
        return new LedgerRecord(
                at,
                request.requestId(),
                request.botName(),
                request.account().handle(),
                request.kind().name(),
                request.targetUsers().stream().map(UserRef::id).toList(),
                hash(request),
                event,
                guard,
                code == null ? null : code.name(),
                code == null ? null : code.rule().name(),
                message,
                null,
                null);
    }

    static LedgerRecord outcome(ActionRequest request, Instant at, LedgerEvent event, String platformId, String error) {
        return new LedgerRecord(
                at,
                request.requestId(),
                request.botName(),
                request.account().handle(),
                request.kind().name(),
                request.targetUsers().stream().map(UserRef::id).toList(),
                hash(request),
                event,
                null,
                null,
                null,
                null,
                platformId,
                error);
    }

    static LedgerRecord outcome(
            ActionRequest request, Instant at, LedgerEvent event, ReasonCode code, String message, String error) {
        return new LedgerRecord(
                at,
                request.requestId(),
                request.botName(),
                request.account().handle(),
                request.kind().name(),
                request.targetUsers().stream().map(UserRef::id).toList(),
                hash(request),
                event,
                null,
                code == null ? null : code.name(),
                code == null ? null : code.rule().name(),
                message,
                null,
                error);
    }

    /** An in-doubt action checked against the platform: found as {@code platformId}, or not found ({@code null}). */
    static LedgerRecord reconciled(ActionRequest request, Instant at, String platformId, String message) {
        return new LedgerRecord(
                at,
                request.requestId(),
                request.botName(),
                request.account().handle(),
                request.kind().name(),
                request.targetUsers().stream().map(UserRef::id).toList(),
                hash(request),
                LedgerEvent.RECONCILED,
                null,
                null,
                null,
                message,
                platformId,
                null);
    }

    private static String hash(ActionRequest request) {
        return request.text() == null ? null : ContentHash.sha256Hex(request.text());
    }

    static LedgerRecord botError(String bot, String account, Instant at, String what, Throwable error) {
        return new LedgerRecord(
                at,
                null,
                bot,
                account,
                null,
                null,
                null,
                LedgerEvent.BOT_ERROR,
                null,
                null,
                null,
                what,
                null,
                Errors.describe(error));
    }
}
