package dev.bridle.internal.schedule;

import dev.bridle.config.Schedule;
import dev.bridle.internal.config.BotConfig;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.quartz.CronExpression;

/**
 * The bots' schedules without Quartz's threads, for tests that move the clock by hand: {@link #due()} says which bots
 * are due at the clock's now, as Quartz would fire them. An interval fires at once and then every interval, as
 * {@link BotTriggers} sets it up; a cron expression at its next valid time. Fires missed while the clock jumped are one
 * fire, as Quartz's misfire policies make them, and the next fire is the first after now.
 */
public final class ManualSchedule {

    private final Clock clock;
    private final Map<String, Schedule> schedules = new LinkedHashMap<>();
    private final Map<String, Instant> next = new LinkedHashMap<>();

    /** The schedules of {@code bots} (those with one), counted from the clock's now. */
    public ManualSchedule(List<BotConfig> bots, Clock clock) {
        this.clock = clock;
        Instant now = clock.instant();
        for (BotConfig bot : bots) {
            if (bot.schedule() != null) {
                schedules.put(bot.name(), bot.schedule());
                next.put(bot.name(), bot.schedule() instanceof Schedule.Every ? now : after(bot, now));
            }
        }
    }

    /** The bots due now, in configuration order; each is then scheduled for its next fire after now. */
    public synchronized List<String> due() {
        Instant now = clock.instant();
        List<String> due = new ArrayList<>();
        for (Map.Entry<String, Instant> e : next.entrySet()) {
            if (e.getValue() != null && !e.getValue().isAfter(now)) {
                due.add(e.getKey());
                e.setValue(following(e.getKey(), e.getValue(), now));
            }
        }
        return due;
    }

    private Instant following(String bot, Instant fired, Instant now) {
        Schedule schedule = schedules.get(bot);
        if (schedule instanceof Schedule.Every every) {
            Instant at = fired.plus(every.interval());
            while (!at.isAfter(now)) {
                at = at.plus(every.interval());
            }
            return at;
        }
        return after(bot, schedule, now);
    }

    private static Instant after(BotConfig bot, Instant now) {
        return after(bot.name(), bot.schedule(), now);
    }

    private static Instant after(String bot, Schedule schedule, Instant now) {
        Schedule.Cron cron = (Schedule.Cron) schedule;
        try {
            CronExpression expression = new CronExpression(cron.expression());
            expression.setTimeZone(TimeZone.getTimeZone(cron.zone()));
            Date at = expression.getNextValidTimeAfter(Date.from(now));
            return at == null ? null : at.toInstant();
        } catch (ParseException e) {
            throw new SchedulingException(
                    "bot '" + bot + "': invalid cron expression '" + cron.expression() + "': " + e.getMessage(), e);
        }
    }
}
