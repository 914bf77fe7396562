package dev.bridle.internal.schedule;

import dev.bridle.config.Schedule;
import dev.bridle.internal.config.BotConfig;
import java.text.ParseException;
import java.util.TimeZone;
import org.quartz.CronExpression;
import org.quartz.CronScheduleBuilder;
import org.quartz.CronTrigger;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ScheduleBuilder;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;

/**
 * A bot's Quartz job and trigger, built from its configured {@link Schedule}, and the misfire policy they carry.
 *
 * <p>A run <em>misfires</em> when its time passed more than the misfire threshold ago without it starting: the
 * scheduler was down or in standby, or every thread was busy. Bridle's policy is the same for both kinds of schedule:
 * <strong>a bot that missed runs runs once, as soon as the scheduler can, then resumes its schedule; missed runs are
 * never replayed one by one.</strong> Bots post to a platform that punishes bursts (rate limits, spam rules), so a
 * catch-up burst is never right; a missed daily digest or hourly check is still wanted late, so dropping it silently
 * until the next slot, possibly a day away, is not right either. The catch-up run tells the bot nothing special: a bot
 * that must not act late checks the time itself.
 */
final class BotTriggers {

    /** The Quartz group of every bot's job and trigger; the names are the bots' names. */
    static final String GROUP = "bridle-bots";

    /**
     * A cron bot that missed one or more fire times fires once now, then at its next cron time
     * ({@link CronTrigger#MISFIRE_INSTRUCTION_FIRE_ONCE_NOW}).
     */
    static final int CRON_MISFIRE_INSTRUCTION = CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW;

    /**
     * An interval bot that missed one or more runs runs once now, then every interval counted from that run
     * ({@link SimpleTrigger#MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT}: with an endless repeat
     * count it moves the start to now). An interval is a period, not a time of day, so shifting its phase costs
     * nothing; a bot tied to the clock uses cron.
     */
    static final int INTERVAL_MISFIRE_INSTRUCTION =
            SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT;

    private BotTriggers() {}

    static JobKey jobKey(String bot) {
        return JobKey.jobKey(bot, GROUP);
    }

    static TriggerKey triggerKey(String bot) {
        return TriggerKey.triggerKey(bot, GROUP);
    }

    /**
     * The bot's job: not durable (it goes with its trigger) and not recovered after a crash (the next run comes
     * anyway).
     */
    static JobDetail jobFor(String bot) {
        return JobBuilder.newJob(BotJob.class)
                .withIdentity(jobKey(bot))
                .withDescription("scheduled runs of bot " + bot)
                .requestRecovery(false)
                .build();
    }

    /** The bot's trigger; a new interval trigger fires at once, then every interval. */
    static Trigger triggerFor(BotConfig bot) {
        return TriggerBuilder.newTrigger()
                .withIdentity(triggerKey(bot.name()))
                .forJob(jobKey(bot.name()))
                .withDescription(describe(bot.schedule()))
                .startNow()
                .withSchedule(scheduleOf(bot))
                .build();
    }

    private static ScheduleBuilder<? extends Trigger> scheduleOf(BotConfig bot) {
        if (bot.schedule() instanceof Schedule.Cron cron) {
            CronExpression expression;
            try {
                expression = new CronExpression(cron.expression());
            } catch (ParseException e) {
                throw new SchedulingException(
                        "bot '" + bot.name() + "': invalid cron expression '" + cron.expression() + "': "
                                + e.getMessage(),
                        e);
            }
            return CronScheduleBuilder.cronSchedule(expression)
                    .inTimeZone(TimeZone.getTimeZone(cron.zone()))
                    .withMisfireHandlingInstructionFireAndProceed();
        }
        if (bot.schedule() instanceof Schedule.Every every) {
            long millis = every.interval().toMillis();
            if (millis < 1) {
                throw new SchedulingException("bot '" + bot.name() + "': interval " + every.interval()
                        + " is shorter than the scheduler's resolution of 1 ms");
            }
            return SimpleScheduleBuilder.simpleSchedule()
                    .withIntervalInMilliseconds(millis)
                    .repeatForever()
                    .withMisfireHandlingInstructionNowWithExistingCount();
        }
        throw new SchedulingException("bot '" + bot.name() + "' has no schedule");
    }

    private static String describe(Schedule schedule) {
        if (schedule instanceof Schedule.Cron cron) {
            return "cron " + cron.expression() + " in " + cron.zone();
        }
        return "every " + ((Schedule.Every) schedule).interval();
    }

    /**
     * Whether {@code stored} fires on the same schedule, with the same misfire policy, as {@code wanted}; compared in
     * Quartz's own terms (the expression upper-cased, the zone as a {@link TimeZone} id), so an equal schedule spelled
     * differently counts as the same.
     */
    static boolean sameSchedule(Trigger stored, Trigger wanted) {
        if (stored.getMisfireInstruction() != wanted.getMisfireInstruction()
                || !stored.getJobKey().equals(wanted.getJobKey())) {
            return false;
        }
        if (stored instanceof CronTrigger s && wanted instanceof CronTrigger w) {
            return s.getCronExpression().equals(w.getCronExpression())
                    && s.getTimeZone().getID().equals(w.getTimeZone().getID());
        }
        if (stored instanceof SimpleTrigger s && wanted instanceof SimpleTrigger w) {
            return s.getRepeatInterval() == w.getRepeatInterval() && s.getRepeatCount() == w.getRepeatCount();
        }
        return false;
    }
}
