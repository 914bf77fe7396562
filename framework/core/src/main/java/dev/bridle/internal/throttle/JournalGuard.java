package dev.bridle.internal.throttle;

import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.ReservingGuard;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last of the throttles when their buckets are in memory: writes every token the request took from them
 * ({@link PendingTakes}) to the {@link TakeJournal} in one statement, so that the limits survive a restart (rule
 * {@link dev.bridle.bot.Rule#NO_BULK_ACTIONS}: a crash loop must not reset them). It never refuses for a reason of its
 * own; if the journal cannot be written it throws, and the chain denies the action (fail closed): an action whose
 * tokens would be forgotten by a crash is not sent. See {@link TakeJournal} for why the rows are on disk before the
 * send without a disk sync of their own.
 *
 * <p>On release the request's rows are deleted, best effort: a row left behind only keeps its token spent until its
 * window passes.
 */
final class JournalGuard implements ReservingGuard {

    private static final Logger log = LoggerFactory.getLogger(JournalGuard.class);

    private final TakeJournal journal;
    private final PendingTakes pending;
    private final Set<UUID> journaled = ConcurrentHashMap.newKeySet();

    JournalGuard(TakeJournal journal, PendingTakes pending) {
        this.journal = journal;
        this.pending = pending;
    }

    @Override
    public String name() {
        return "throttle-journal";
    }

    @Override
    public Verdict check(ActionRequest request) {
        var takes = pending.drain(request.requestId());
        if (!takes.isEmpty()) {
            // Marked first: if the write fails after its commit, the release still deletes the rows.
            journaled.add(request.requestId());
            journal.write(request.requestId(), takes);
        }
        return Verdict.allow();
    }

    @Override
    public void confirm(ActionRequest request, String platformId) {
        pending.discard(request.requestId());
        journaled.remove(request.requestId());
    }

    @Override
    public void release(ActionRequest request) {
        pending.discard(request.requestId());
        if (journaled.remove(request.requestId())) {
            try {
                journal.forget(request.requestId());
            } catch (RuntimeException e) {
                log.warn(
                        "could not remove the journaled throttle tokens of {}; after a restart they count until their window passes",
                        request.requestId(),
                        e);
            }
        }
    }
}
