package dev.bridle.reliability;

import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.runtime.RetryPolicy;
import java.time.Duration;

/**
 * What the dispatcher waits with in the race test, instead of sleeping: a settle wait before reconciling an in-doubt
 * call, or a backoff before retrying one that did not reach the platform. No real time passes for the duration asked;
 * instead the wait is where the opt-out threads may act ({@link OptOutDriver#duringWait}): the user the waiting action
 * goes to may opt out now, and the wait lasts until that opt-out is acknowledged. Bridle's compliance messages (the
 * confirmation of a STOP, sent from inside the opt-out threads' own poll) never wait.
 */
final class RaceWindow implements RetryPolicy.Sleeper {

    private final RaceLog log;
    private volatile OptOutDriver optOuts;

    RaceWindow(RaceLog log) {
        this.log = log;
    }

    /** Connects the opt-out threads, which are built after the runtime this waits for. */
    void attach(OptOutDriver driver) {
        this.optOuts = driver;
    }

    @Override
    public void sleep(Duration duration) throws InterruptedException {
        ActionRequest waiting = RecordingPlatform.current();
        OptOutDriver driver = optOuts;
        if (driver == null
                || waiting == null
                || waiting.origin() == ActionOrigin.COMPLIANCE
                || waiting.targets().isEmpty()) {
            log.waited(waiting == null ? null : waiting.requestId(), duration, "not raced: no user to race");
            return;
        }
        String raced = driver.duringWait(waiting.targets().get(0).user().id());
        log.waited(waiting.requestId(), duration, raced);
    }
}
