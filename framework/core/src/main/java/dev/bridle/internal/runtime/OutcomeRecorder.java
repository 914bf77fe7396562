package dev.bridle.internal.runtime;

import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an action's rows to the ledger for the dispatcher: a decision durably before anything is sent
 * ({@link #record}, which says whether it was written), an outcome after the send queued for the next group commit
 * ({@link #recordLater}: the bot has its result one disk sync sooner, and start-up reconciliation covers a crash before
 * that commit). Neither throws: a ledger that refuses is logged, and the caller decides what that means.
 */
final class OutcomeRecorder {

    private static final Logger log = LoggerFactory.getLogger(ActionDispatcher.class);

    private final AuditLedger ledger;

    OutcomeRecorder(AuditLedger ledger) {
        this.ledger = ledger;
    }

    /** Appends {@code record} durably; false if the ledger refused it. */
    boolean record(LedgerRecord record) {
        try {
            ledger.append(record);
            return true;
        } catch (RuntimeException e) {
            log.error("the ledger refused a {} record for request {}", record.event(), record.requestId(), e);
            return false;
        }
    }

    /** Queues {@code record}, an outcome after the send, for the next group commit without waiting for it. */
    void recordLater(LedgerRecord record) {
        try {
            ledger.appendAsync(record).whenComplete((entry, failure) -> {
                if (failure != null) {
                    log.error(
                            "action {} ended {} but the ledger could not record the outcome",
                            record.requestId(),
                            record.event(),
                            failure);
                }
            });
        } catch (RuntimeException e) {
            log.error(
                    "action {} ended {} but the ledger could not record the outcome",
                    record.requestId(),
                    record.event(),
                    e);
        }
    }
}
