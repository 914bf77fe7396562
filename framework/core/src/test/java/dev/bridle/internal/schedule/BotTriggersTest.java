package dev.bridle.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.config.Schedule;
import dev.bridle.internal.config.BotConfig;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.quartz.CronTrigger;
import org.quartz.SimpleTrigger;
import org.quartz.Trigger;

class BotTriggersTest {

    @Test
    void cronBotsFireOnceNowAfterAMisfire() {
        Trigger trigger =
                BotTriggers.triggerFor(bot("digest", new Schedule.Cron("0 0 9 * * ?", ZoneId.of("Europe/Paris"))));

        assertThat(trigger).isInstanceOf(CronTrigger.class);
        assertThat(trigger.getMisfireInstruction()).isEqualTo(CronTrigger.MISFIRE_INSTRUCTION_FIRE_ONCE_NOW);
        assertThat(((CronTrigger) trigger).getTimeZone().getID()).isEqualTo("Europe/Paris");
        assertThat(trigger.getKey()).isEqualTo(BotTriggers.triggerKey("digest"));
        assertThat(trigger.getJobKey()).isEqualTo(BotTriggers.jobKey("digest"));
    }

    @Test
    void intervalBotsRunOnceNowAfterAMisfireThenCountFromThere() {
        Trigger trigger = BotTriggers.triggerFor(bot("poll", new Schedule.Every(Duration.ofMinutes(5))));

        assertThat(trigger).isInstanceOf(SimpleTrigger.class);
        assertThat(trigger.getMisfireInstruction())
                .isEqualTo(SimpleTrigger.MISFIRE_INSTRUCTION_RESCHEDULE_NOW_WITH_EXISTING_REPEAT_COUNT);
        assertThat(((SimpleTrigger) trigger).getRepeatInterval()).isEqualTo(300_000);
        assertThat(((SimpleTrigger) trigger).getRepeatCount()).isEqualTo(SimpleTrigger.REPEAT_INDEFINITELY);
    }

    @Test
    void theSameScheduleSpelledDifferentlyIsTheSame() {
        Trigger stored = BotTriggers.triggerFor(bot("b", new Schedule.Cron("0 0 9 ? * mon", ZoneId.of("UTC"))));
        Trigger wanted = BotTriggers.triggerFor(bot("b", new Schedule.Cron("0 0 9 ? * MON", ZoneOffset.UTC)));

        assertThat(BotTriggers.sameSchedule(stored, wanted)).isTrue();
    }

    @Test
    void aChangedExpressionZoneIntervalOrKindIsAChange() {
        Trigger nineParis =
                BotTriggers.triggerFor(bot("b", new Schedule.Cron("0 0 9 * * ?", ZoneId.of("Europe/Paris"))));

        assertThat(BotTriggers.sameSchedule(
                        nineParis,
                        BotTriggers.triggerFor(bot("b", new Schedule.Cron("0 0 10 * * ?", ZoneId.of("Europe/Paris"))))))
                .isFalse();
        assertThat(BotTriggers.sameSchedule(
                        nineParis,
                        BotTriggers.triggerFor(bot("b", new Schedule.Cron("0 0 9 * * ?", ZoneId.of("Europe/Berlin"))))))
                .isFalse();
        assertThat(BotTriggers.sameSchedule(
                        nineParis, BotTriggers.triggerFor(bot("b", new Schedule.Every(Duration.ofDays(1))))))
                .isFalse();
        assertThat(BotTriggers.sameSchedule(
                        BotTriggers.triggerFor(bot("b", new Schedule.Every(Duration.ofMinutes(1)))),
                        BotTriggers.triggerFor(bot("b", new Schedule.Every(Duration.ofMinutes(2))))))
                .isFalse();
    }

    @Test
    void anInvalidCronExpressionNamesTheBotAndTheExpression() {
        assertThatThrownBy(() -> BotTriggers.triggerFor(bot("digest", new Schedule.Cron("0 0 9 * *", ZoneOffset.UTC))))
                .isInstanceOf(SchedulingException.class)
                .hasMessageStartingWith("bot 'digest': invalid cron expression '0 0 9 * *': ");
    }

    @Test
    void anIntervalBelowAMillisecondIsRefused() {
        assertThatThrownBy(() -> BotTriggers.triggerFor(bot("fast", new Schedule.Every(Duration.ofNanos(999_999)))))
                .isInstanceOf(SchedulingException.class)
                .hasMessage("bot 'fast': interval PT0.000999999S is shorter than the scheduler's resolution of 1 ms");
    }

    private static BotConfig bot(String name, Schedule schedule) {
        return new BotConfig(name, "com.example.Bot", "acme", schedule, Set.of());
    }
}
