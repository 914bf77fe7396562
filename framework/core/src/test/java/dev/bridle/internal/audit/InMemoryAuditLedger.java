package dev.bridle.internal.audit;

import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.audit.VerifyReport;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** A ledger in a list, for tests of code that writes to the ledger. No hash chain. */
public final class InMemoryAuditLedger implements AuditLedger {

    private final List<LedgerEntry> entries = new ArrayList<>();
    private boolean failing;

    /** Makes every later append throw, as a ledger on a dead store would. */
    public synchronized void failFromNowOn() {
        failing = true;
    }

    @Override
    public synchronized LedgerEntry append(LedgerRecord record) {
        if (failing) {
            throw new IllegalStateException("store unavailable");
        }
        LedgerEntry entry = new LedgerEntry(entries.size() + 1, record, "", "");
        entries.add(entry);
        return entry;
    }

    /** Every record, oldest first. */
    public synchronized List<LedgerRecord> records() {
        return entries.stream().map(LedgerEntry::record).toList();
    }

    /** The events recorded, oldest first. */
    public synchronized List<LedgerEvent> events() {
        return records().stream().map(LedgerRecord::event).toList();
    }

    @Override
    public synchronized List<LedgerEntry> tail(int n) {
        return List.copyOf(entries.subList(Math.max(0, entries.size() - n), entries.size()));
    }

    @Override
    public synchronized VerifyReport verify() {
        return new VerifyReport(entries.size(), OptionalLong.empty(), null);
    }
}
