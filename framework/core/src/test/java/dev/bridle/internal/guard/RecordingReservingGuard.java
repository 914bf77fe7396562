package dev.bridle.internal.guard;

import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import java.util.ArrayList;
import java.util.List;

/** A reserving guard for tests: allows, and records every settlement it is asked for. */
public final class RecordingReservingGuard implements ReservingGuard {

    private final List<String> settlements = new ArrayList<>();

    @Override
    public String name() {
        return "reserving";
    }

    @Override
    public Verdict check(ActionRequest request) {
        return Verdict.allow();
    }

    @Override
    public synchronized void confirm(ActionRequest request, String platformId) {
        settlements.add("confirm " + platformId);
    }

    @Override
    public synchronized void release(ActionRequest request) {
        settlements.add("release");
    }

    /** What was asked, in order: "confirm ID", "confirm null" or "release". */
    public synchronized List<String> settlements() {
        return List.copyOf(settlements);
    }
}
