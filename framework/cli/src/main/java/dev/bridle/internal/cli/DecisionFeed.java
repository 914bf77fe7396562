package dev.bridle.internal.cli;

import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;

/**
 * Prints what happened to each action as the ledger records it: one line per outcome (sent, denied, deferred, failed,
 * in doubt), per read made (its kind and how many objects came back, never what) and per bot error. The ledger is the
 * source, so the feed shows exactly what an audit would.
 */
final class DecisionFeed {

    /** How many rows one {@link #printNew()} reads at most. */
    static final int BATCH = 500;

    private static final Set<LedgerEvent> SHOWN = Set.of(
            LedgerEvent.SENT,
            LedgerEvent.DENIED,
            LedgerEvent.DEFERRED,
            LedgerEvent.FAILED,
            LedgerEvent.IN_DOUBT,
            LedgerEvent.READ,
            LedgerEvent.BOT_ERROR);
    private final DateTimeFormatter time;
    private final AuditLedger ledger;
    private final PrintWriter out;
    private long lastSeq;

    /** A feed of rows appended from now on, their times in the machine's zone. */
    DecisionFeed(AuditLedger ledger, PrintWriter out) {
        this(ledger, out, ZoneId.systemDefault());
    }

    /** A feed of rows appended from now on, their times in {@code zone}. */
    DecisionFeed(AuditLedger ledger, PrintWriter out, ZoneId zone) {
        this.time = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(zone);
        this.ledger = ledger;
        this.out = out;
        List<LedgerEntry> last = ledger.tail(1);
        this.lastSeq = last.isEmpty() ? 0 : last.get(0).seq();
    }

    /** Prints the outcomes recorded since the last call. */
    synchronized void printNew() {
        for (LedgerEntry entry : ledger.tail(BATCH)) {
            if (entry.seq() > lastSeq) {
                lastSeq = entry.seq();
                if (SHOWN.contains(entry.record().event())) {
                    out.println(line(entry.record()));
                }
            }
        }
        out.flush();
    }

    /** {@code 09:00:03 DENIED thanks @acme_help REPLY NO_CONSENT: no consent from ...}. */
    String line(LedgerRecord r) {
        StringBuilder line = new StringBuilder(String.format(
                "%s  %-9s %-20s @%-11s %-15s",
                time.format(r.at()), r.event(), r.bot(), r.account(), r.actionKind() == null ? "-" : r.actionKind()));
        if (r.platformId() != null) {
            line.append(" id ").append(r.platformId());
        }
        if (r.reason() != null) {
            line.append(' ').append(r.reason()).append(':');
        }
        if (r.message() != null) {
            line.append(' ').append(r.message());
        }
        if (r.error() != null) {
            line.append(" (").append(r.error()).append(')');
        }
        return line.toString().stripTrailing();
    }
}
