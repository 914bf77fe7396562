package dev.bridle.internal.runtime;

import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.Account;
import dev.bridle.guard.ActionKind;
import dev.bridle.platform.ActionTrace;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start-up, settles the actions the ledger shows allowed but without a final outcome: the process stopped between
 * the decision and the outcome, or the outcome was in doubt. Each is looked up on the platform: found, it is recorded
 * RECONCILED and SENT with the id found; not found, RECONCILED and FAILED. Nothing is ever re-sent from here (invariant
 * 6): the bot's next trigger decides whether to try again. If the platform cannot tell, the action stays in doubt
 * (recorded IN_DOUBT the first time) and is looked at again at the next start.
 */
final class InDoubtRecovery {

    private static final Logger log = LoggerFactory.getLogger(InDoubtRecovery.class);

    /** How far back start-up looks for unsettled actions. */
    static final Duration WINDOW = Duration.ofDays(7);
    /** The bot name written on rows about an action whose bot row is missing (never expected). */
    private static final String UNKNOWN_BOT = "unknown";

    private final AuditLedger ledger;
    private final Reconciler reconciler;
    private final Map<String, Account> accounts;
    private final Clock clock;

    /** @param accounts the verified accounts by lower-case handle (user ids filled in) */
    InDoubtRecovery(AuditLedger ledger, Reconciler reconciler, Map<String, Account> accounts, Clock clock) {
        this.ledger = ledger;
        this.reconciler = reconciler;
        this.accounts = Map.copyOf(accounts);
        this.clock = clock;
    }

    /** What recovery did. */
    record Report(int sent, int notApplied, int stillInDoubt) {
        int total() {
            return sent + notApplied + stillInDoubt;
        }
    }

    /**
     * Settles every request in {@code unsettled} (the rows of {@code JdbcAuditLedger.unsettled}) whose latest decision
     * is older than {@code minAge} (another node may still be sending a younger one).
     */
    Report recover(List<LedgerEntry> unsettled, Duration minAge) {
        Instant youngest = clock.instant().minus(minAge);
        int sent = 0;
        int notApplied = 0;
        int inDoubt = 0;
        for (List<LedgerRecord> rows : byRequest(unsettled).values()) {
            // a deferred action is decided again each time it runs: its latest decision is the one to settle
            LedgerRecord allowed = latestAllowed(rows);
            if (allowed == null || allowed.at().isAfter(youngest)) {
                continue;
            }
            switch (settle(allowed, rows.get(rows.size() - 1))) {
                case SENT -> sent++;
                case NOT_APPLIED -> notApplied++;
                default -> inDoubt++;
            }
        }
        Report report = new Report(sent, notApplied, inDoubt);
        if (report.total() > 0) {
            log.warn(
                    "start-up reconciliation: {} unsettled actions: {} had been sent, {} had not (not re-sent), {} still in doubt",
                    report.total(),
                    sent,
                    notApplied,
                    inDoubt);
        }
        return report;
    }

    private enum Settled {
        SENT,
        NOT_APPLIED,
        IN_DOUBT
    }

    private Settled settle(LedgerRecord allowed, LedgerRecord last) {
        Account account = accounts.get(allowed.account().toLowerCase(Locale.ROOT));
        ActionKind kind = kind(allowed.actionKind());
        Reconciler.Finding finding;
        if (account == null || account.userId() == null) {
            finding = new Reconciler.Finding.Unknown("@" + allowed.account() + " is not a verified account now");
        } else if (kind == null) {
            finding = new Reconciler.Finding.Unknown("unknown action kind " + allowed.actionKind());
        } else {
            finding = reconciler.check(new ActionTrace(
                    account,
                    kind,
                    allowed.contentHash(),
                    allowed.targets(),
                    null,
                    allowed.at().minus(Reconciler.CLOCK_SKEW)));
        }
        Instant now = clock.instant();
        if (finding instanceof Reconciler.Finding.Applied applied) {
            append(row(
                    allowed,
                    now,
                    LedgerEvent.RECONCILED,
                    "found on the platform after a restart",
                    applied.platformId(),
                    null));
            append(row(allowed, now, LedgerEvent.SENT, null, applied.platformId(), null));
            return Settled.SENT;
        }
        if (finding instanceof Reconciler.Finding.NotApplied) {
            append(row(
                    allowed,
                    now,
                    LedgerEvent.RECONCILED,
                    "not on the platform after a restart: it did not take effect, and is not re-sent",
                    null,
                    null));
            append(row(allowed, now, LedgerEvent.FAILED, null, null, "did not take effect before the restart"));
            return Settled.NOT_APPLIED;
        }
        String why = ((Reconciler.Finding.Unknown) finding).why();
        log.warn(
                "action {} ({} by @{}) stays in doubt after a restart: {}",
                allowed.requestId(),
                allowed.actionKind(),
                allowed.account(),
                why);
        if (last.event() == LedgerEvent.ALLOWED) {
            append(row(
                    allowed,
                    now,
                    LedgerEvent.IN_DOUBT,
                    null,
                    null,
                    "the process stopped before the outcome was recorded; could not reconcile: " + why));
        }
        return Settled.IN_DOUBT;
    }

    private static LedgerRecord latestAllowed(List<LedgerRecord> rows) {
        for (int i = rows.size() - 1; i >= 0; i--) {
            if (rows.get(i).event() == LedgerEvent.ALLOWED) {
                return rows.get(i);
            }
        }
        return null;
    }

    private static Map<UUID, List<LedgerRecord>> byRequest(List<LedgerEntry> rows) {
        Map<UUID, List<LedgerRecord>> requests = new LinkedHashMap<>();
        for (LedgerEntry row : rows) {
            if (row.record().requestId() != null) {
                requests.computeIfAbsent(row.record().requestId(), id -> new ArrayList<>())
                        .add(row.record());
            }
        }
        return requests;
    }

    private static ActionKind kind(String name) {
        try {
            return name == null ? null : ActionKind.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LedgerRecord row(
            LedgerRecord allowed, Instant at, LedgerEvent event, String message, String platformId, String error) {
        return new LedgerRecord(
                at,
                allowed.requestId(),
                allowed.bot() == null ? UNKNOWN_BOT : allowed.bot(),
                allowed.account(),
                allowed.actionKind(),
                allowed.targets(),
                allowed.contentHash(),
                event,
                null,
                null,
                null,
                message,
                platformId,
                error);
    }

    private void append(LedgerRecord record) {
        try {
            ledger.append(record);
        } catch (RuntimeException e) {
            log.error("the ledger refused a {} record for request {}", record.event(), record.requestId(), e);
        }
    }
}
