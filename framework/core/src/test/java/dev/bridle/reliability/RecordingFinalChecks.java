package dev.bridle.reliability;

import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Puts two recording guards around the runtime's final checks (through the runtime's test hook): one first, which
 * records when the final checks of a request began, and one last, which records that all of them allowed it. Both
 * always allow; they decide nothing. The first is recorded before any real final check reads the database, so its time
 * is no later than the check's.
 */
final class RecordingFinalChecks {

    private RecordingFinalChecks() {}

    /** {@code checks}, with the recording guards before and after them. */
    static List<Guard> around(List<Guard> checks, RaceLog log) {
        List<Guard> wrapped = new ArrayList<>();
        wrapped.add(new Marker("race-test-check-began", log, true));
        wrapped.addAll(checks);
        wrapped.add(new Marker("race-test-checks-passed", log, false));
        return wrapped;
    }

    /** Records, then allows. */
    private record Marker(String name, RaceLog log, boolean began) implements Guard {
        @Override
        public Verdict check(ActionRequest request) {
            if (began) {
                log.checkBegan(request.requestId());
            } else {
                log.checksPassed(request.requestId());
            }
            return Verdict.allow();
        }
    }
}
