package dev.bridle.internal.schedule;

import jakarta.inject.Inject;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.Job;
import org.quartz.JobExecutionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One scheduled run of one bot: the job's name is the bot's name.
 *
 * <p>Never throws. A bot that fails is logged here (and recorded by the {@link BotInvoker}); the job then ends
 * normally, so Quartz neither refires it at once nor puts its trigger in error, and the bot's next run and every other
 * bot's runs go ahead as scheduled.
 *
 * <p>{@link DisallowConcurrentExecution}: a run that outlasts the interval delays the next run of the same bot instead
 * of overlapping it. The class name is stored in the job store ({@code QRTZ_JOB_DETAILS.JOB_CLASS_NAME}): renaming or
 * moving it needs a migration.
 */
@DisallowConcurrentExecution
final class BotJob implements Job {

    private static final Logger log = LoggerFactory.getLogger(BotJob.class);

    /** The logging context key that carries the bot's name during its run. */
    static final String MDC_BOT = "bot";

    private final BotInvoker invoker;

    @Inject
    BotJob(BotInvoker invoker) {
        this.invoker = invoker;
    }

    @Override
    public void execute(JobExecutionContext context) {
        String bot = context.getJobDetail().getKey().getName();
        MDC.put(MDC_BOT, bot);
        try {
            invoker.runScheduled(bot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("scheduled run of bot {} was interrupted", bot);
        } catch (Exception | LinkageError | AssertionError e) {
            log.error("scheduled run of bot {} failed; its next run stays as scheduled", bot, e);
        } finally {
            MDC.remove(MDC_BOT);
        }
    }
}
