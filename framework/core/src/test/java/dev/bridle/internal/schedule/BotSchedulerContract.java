package dev.bridle.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.bridle.config.Schedule;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobBuilder;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.calendar.HolidayCalendar;
import org.slf4j.LoggerFactory;

/**
 * What {@link BotScheduler} promises on any database; each database gets a subclass. Quartz fires in real time, so the
 * schedules are short and the tests wait on runs, never on the clock.
 */
abstract class BotSchedulerContract {

    private static final Duration SHORT = Duration.ofMillis(200);
    private static final Schedule EVERY_SECOND = new Schedule.Cron("* * * * * ?", ZoneOffset.UTC);

    private final String name = "test-" + UUID.randomUUID();
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private final RecordingInvoker invoker = new RecordingInvoker();
    private final List<String> deferredRuns = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.concurrent.CountDownLatch deferredRan = new java.util.concurrent.CountDownLatch(1);
    private Database database;
    private QuartzTables tables;

    /** This test's store: the same database each time it is asked for in one test. */
    protected abstract StoreConfig store();

    @BeforeEach
    void migrate() throws Exception {
        database = open();
        database.migrate();
        tables = new QuartzTables(database.dataSource(), name);
    }

    @AfterEach
    void closeAll() throws Exception {
        invoker.releaseAll();
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    @Test
    void cronAndIntervalBotsRun() throws Exception {
        BotScheduler scheduler = scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);
        scheduler.sync(List.of(bot("ticker", new Schedule.Every(SHORT)), bot("clock", EVERY_SECOND)));
        scheduler.start();

        invoker.awaitRuns("ticker", 3);
        invoker.awaitRuns("clock", 2);
    }

    @Test
    void aBotThatThrowsIsLoggedAndNeitherItNorOthersStop() throws Exception {
        ListAppender<ILoggingEvent> logged = captureLogOf(BotJob.class);
        invoker.failing("broken");
        BotScheduler scheduler = scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);
        scheduler.sync(List.of(bot("broken", new Schedule.Every(SHORT)), bot("fine", new Schedule.Every(SHORT))));
        scheduler.start();

        invoker.awaitRuns("fine", 3);
        invoker.awaitRuns("broken", 3);
        assertThat(tables.triggerState("broken")).isNotIn("ERROR", "PAUSED", "PAUSED_BLOCKED");
        assertThat(List.copyOf(logged.list)).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("broken");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("bot broken broke on purpose");
        });
    }

    @Test
    void runsOfOneBotNeverOverlap() throws Exception {
        invoker.holding("slow");
        BotScheduler scheduler = scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);
        scheduler.sync(List.of(
                bot("slow", new Schedule.Every(Duration.ofMillis(50))),
                bot("metronome", new Schedule.Every(Duration.ofMillis(50)))));
        scheduler.start();

        invoker.awaitRuns("slow", 1);
        // while slow's first run is held, several of its intervals pass
        invoker.awaitRuns("metronome", invoker.runs("metronome") + 5);
        invoker.release("slow");
        invoker.awaitRuns("slow", 3);

        assertThat(invoker.mostAtOnce("slow")).isEqualTo(1);
    }

    @Test
    void schedulesSurviveARestart() throws Exception {
        List<BotConfig> bots =
                List.of(bot("hourly", new Schedule.Every(Duration.ofHours(1))), bot("clock", EVERY_SECOND));
        Database first = database;
        BotScheduler before = scheduler(first, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);
        before.sync(bots);
        before.start();
        invoker.awaitRuns("hourly", 1);
        invoker.awaitRuns("clock", 1);
        Instant hourlyNext = before.nextRun("hourly").orElseThrow();
        before.shutdown(true);
        first.close();

        RecordingInvoker afterRestart = new RecordingInvoker();
        BotScheduler after = scheduler(open(), afterRestart, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);
        assertThat(after.scheduledBots()).containsExactly("clock", "hourly");
        after.sync(bots);
        assertThat(after.nextRun("hourly")).contains(hourlyNext);
        after.start();

        afterRestart.awaitRuns(
                "clock", 1); // on PostgreSQL after cluster recovery of the stopped node's acquired trigger
        assertThat(afterRestart.runs("hourly"))
                .as("an unchanged interval bot is not restarted")
                .isZero();
        assertThat(after.nextRun("hourly")).contains(hourlyNext);
    }

    @Test
    void syncAddsReplacesAndRemoves() throws Exception {
        BotScheduler scheduler = scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);
        scheduler.sync(List.of(
                bot("a", new Schedule.Every(Duration.ofHours(1))),
                bot("b", new Schedule.Every(Duration.ofHours(1))),
                bot("quiet", null)));
        assertThat(scheduler.scheduledBots()).containsExactly("a", "b");
        Instant aNext = scheduler.nextRun("a").orElseThrow();

        scheduler.sync(List.of(
                bot("a", new Schedule.Every(Duration.ofHours(1))), bot("b", new Schedule.Every(Duration.ofHours(1)))));
        assertThat(scheduler.nextRun("a")).as("unchanged, so left alone").contains(aNext);

        ZoneId paris = ZoneId.of("Europe/Paris");
        scheduler.sync(List.of(
                bot("a", new Schedule.Cron("0 0 9 * * ?", paris)), bot("b", new Schedule.Every(Duration.ofHours(2)))));
        assertThat(tables.cron("a")).containsExactly("0 0 9 * * ?", "Europe/Paris");
        assertThat(tables.misfireInstruction("a")).isEqualTo(BotTriggers.CRON_MISFIRE_INSTRUCTION);
        ZonedDateTime aNine = scheduler.nextRun("a").orElseThrow().atZone(paris);
        assertThat(List.of(aNine.getHour(), aNine.getMinute(), aNine.getSecond()))
                .containsExactly(9, 0, 0);
        assertThat(tables.repeatIntervalMillis("b"))
                .isEqualTo(Duration.ofHours(2).toMillis());
        assertThat(tables.misfireInstruction("b")).isEqualTo(BotTriggers.INTERVAL_MISFIRE_INSTRUCTION);

        scheduler.sync(List.of(bot("b", new Schedule.Every(Duration.ofHours(2)))));
        assertThat(scheduler.scheduledBots()).containsExactly("b");
        assertThat(scheduler.nextRun("a")).isEmpty();

        scheduler.sync(List.of());
        assertThat(scheduler.scheduledBots()).isEmpty();
    }

    /**
     * Broke once: replacing a trigger in place (scheduleJob with replace) rewrote QRTZ_TRIGGERS but left the interval
     * row behind and no cron row, so the bot's trigger could no longer be read.
     */
    @Test
    void changingTheKindOfScheduleLeavesNoRowOfTheOldKind() throws Exception {
        BotScheduler scheduler = scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);
        scheduler.sync(List.of(bot("a", new Schedule.Every(Duration.ofHours(1)))));

        scheduler.sync(List.of(bot("a", new Schedule.Cron("0 0 9 * * ?", ZoneOffset.UTC))));
        assertThat(tables.rows("QRTZ_SIMPLE_TRIGGERS", "a")).isZero();
        assertThat(tables.rows("QRTZ_CRON_TRIGGERS", "a")).isOne();
        assertThat(scheduler.nextRun("a")).isPresent();

        scheduler.sync(List.of(bot("a", new Schedule.Every(Duration.ofHours(1)))));
        assertThat(tables.rows("QRTZ_CRON_TRIGGERS", "a")).isZero();
        assertThat(tables.rows("QRTZ_SIMPLE_TRIGGERS", "a")).isOne();
        assertThat(scheduler.nextRun("a")).isPresent();
    }

    @Test
    void anInvalidScheduleChangesNothing() throws Exception {
        BotScheduler scheduler = scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);
        scheduler.sync(List.of(bot("a", new Schedule.Every(Duration.ofHours(1)))));

        assertThatThrownBy(() -> scheduler.sync(List.of(
                        bot("b", new Schedule.Every(Duration.ofHours(1))),
                        bot("typo", new Schedule.Cron("0 0 25 * * ?", ZoneOffset.UTC)))))
                .isInstanceOf(SchedulingException.class)
                .hasMessageContaining("bot 'typo'")
                .hasMessageContaining("'0 0 25 * * ?'");
        assertThat(scheduler.scheduledBots()).containsExactly("a");
    }

    @Test
    void aCronBotThatMissedRunsWhileDownRunsOnceThenResumes() throws Exception {
        List<BotConfig> bots = List.of(bot("new-year", new Schedule.Cron("0 0 0 1 1 ?", ZoneOffset.UTC)));
        BotScheduler before = scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);
        before.sync(bots);
        Instant nextNewYear = before.nextRun("new-year").orElseThrow();
        before.shutdown(true);
        tables.moveBack("new-year", Duration.ofDays(3 * 366)); // three new years missed

        BotScheduler after = scheduler(database, invoker, Duration.ofMillis(100));
        after.sync(bots);
        after.start();

        invoker.awaitRuns("new-year", 1);
        assertThat(after.nextRun("new-year"))
                .as("no catch-up run left, back on schedule")
                .contains(nextNewYear);
        assertThat(invoker.runs("new-year")).isEqualTo(1);
    }

    @Test
    void anIntervalBotThatMissedRunsWhileDownRunsOnceThenEveryIntervalFromThere() throws Exception {
        Duration hour = Duration.ofHours(1);
        List<BotConfig> bots = List.of(bot("hourly", new Schedule.Every(hour)));
        BotScheduler before = scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);
        before.sync(bots);
        before.shutdown(true);
        tables.moveBack("hourly", hour.multipliedBy(3).plusMinutes(1)); // three runs missed

        BotScheduler after = scheduler(database, invoker, Duration.ofMillis(100));
        after.sync(bots);
        Instant restarted = Instant.now().truncatedTo(ChronoUnit.MILLIS); // Quartz keeps milliseconds
        after.start();

        invoker.awaitRuns("hourly", 1);
        assertThat(after.nextRun("hourly").orElseThrow())
                .as("no catch-up run left; the next one an interval after the catch-up run")
                .isBetween(restarted.plus(hour), invoker.lastStart("hourly").plus(hour));
        assertThat(invoker.runs("hourly")).isEqualTo(1);
    }

    @Test
    void theDelegateReadsWhatTheSchemaStores() throws Exception {
        // job data and calendars live in BYTEA columns; the dialect's delegate must read them back
        Scheduler quartz = scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD)
                .quartz();
        JobKey probe = JobKey.jobKey("probe", "schema-check");
        quartz.addJob(
                JobBuilder.newJob(BotJob.class)
                        .withIdentity(probe)
                        .usingJobData("note", "h\u00e9llo \u2603")
                        .storeDurably()
                        .build(),
                false);
        HolidayCalendar holidays = new HolidayCalendar();
        holidays.addExcludedDate(new Date(86_400_000L * 365));
        quartz.addCalendar("holidays", holidays, false, false);

        assertThat(quartz.getJobDetail(probe).getJobDataMap().getString("note")).isEqualTo("h\u00e9llo \u2603");
        assertThat(((HolidayCalendar) quartz.getCalendar("holidays")).getExcludedDates())
                .containsExactlyElementsOf(holidays.getExcludedDates());
    }

    @Test
    void aDeferredActionIsStoredAndRunsOnceAtItsTime() throws Exception {
        BotScheduler scheduler = scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);
        Instant later = Instant.now().plus(Duration.ofHours(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        scheduler.scheduleDeferred("req-later", later);
        scheduler.scheduleDeferred("req-cancelled", later);
        scheduler.scheduleDeferred("req-now", Instant.now());

        assertThat(scheduler.deferredAt("req-later")).contains(later);
        assertThat(scheduler.cancelDeferred("req-cancelled")).isTrue();
        assertThat(scheduler.deferredAt("req-cancelled")).isEmpty();
        scheduler.start();

        assertThat(deferredRan.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(deferredRuns).containsExactly("req-now");
        assertThat(scheduler.deferredAt("req-now")).isEmpty();
    }

    @Test
    void buildNeedsAnInjectorThatProvidesTheInvoker() {
        assertThatThrownBy(() -> BotScheduler.builder()
                        .database(database)
                        .injector(Guice.createInjector())
                        .instanceName(name)
                        .build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("bind a " + BotInvoker.class.getName());
    }

    @Test
    void twoSchedulersOfOneNameCannotRunInOneJvm() {
        scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD);

        assertThatThrownBy(() -> scheduler(database, invoker, BotScheduler.DEFAULT_MISFIRE_THRESHOLD))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("'" + name + "' is already running");
    }

    private BotScheduler scheduler(Database db, RecordingInvoker runs, Duration misfireThreshold) {
        Injector injector = Guice.createInjector(binder -> {
            binder.bind(BotInvoker.class).toInstance(runs);
            binder.bind(DeferredActionRunner.class).toInstance(id -> {
                deferredRuns.add(id);
                deferredRan.countDown();
            });
        });
        BotScheduler scheduler = BotScheduler.builder()
                .database(db)
                .config(new SchedulerConfig(4))
                .injector(injector)
                .instanceName(name)
                .misfireThreshold(misfireThreshold)
                .build();
        toClose.add(() -> scheduler.shutdown(true));
        return scheduler;
    }

    private Database open() {
        Database db = Database.open(store());
        toClose.add(db);
        return db;
    }

    private ListAppender<ILoggingEvent> captureLogOf(Class<?> type) {
        Logger logger = (Logger) LoggerFactory.getLogger(type);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        toClose.add(() -> logger.detachAppender(appender));
        return appender;
    }

    private static BotConfig bot(String name, Schedule schedule) {
        return new BotConfig(name, "com.example.Bot", "acme", schedule, Set.of());
    }
}
