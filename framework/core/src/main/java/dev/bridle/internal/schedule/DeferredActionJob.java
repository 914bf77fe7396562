package dev.bridle.internal.schedule;

import jakarta.inject.Inject;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one run of one deferred action: the job's name is the action's request id. Never throws; a failure is logged and
 * the action stays where the runner left it.
 */
final class DeferredActionJob implements Job {

    /** The Quartz group of deferred actions' jobs and triggers. */
    static final String GROUP = "bridle-deferred";

    private static final Logger log = LoggerFactory.getLogger(DeferredActionJob.class);

    private final DeferredActionRunner runner;

    @Inject
    DeferredActionJob(DeferredActionRunner runner) {
        this.runner = runner;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String requestId = context.getJobDetail().getKey().getName();
        try {
            runner.runDeferred(requestId);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("deferred action {} was interrupted", requestId);
        } catch (Exception | LinkageError | AssertionError e) {
            log.error("deferred action {} failed", requestId, e);
        }
    }
}
