package dev.bridle.internal.schedule;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Dialect;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.JobPersistenceException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each bot's {@code onSchedule} on its configured cron or interval schedule, through Quartz with its job store in
 * Bridle's own database ({@code V2__quartz.sql}).
 *
 * <pre>{@code
 * BotScheduler scheduler = BotScheduler.builder()
 *         .database(database)                        // migrated: the QRTZ_ tables exist
 *         .config(config.scheduler())
 *         .injector(injector)                        // binds BotInvoker
 *         .build();
 * scheduler.sync(config.bots());
 * scheduler.start();
 * }</pre>
 *
 * <p>What it guarantees:
 *
 * <ul>
 *   <li>Schedules are stored, so they survive a restart: {@link #sync} leaves a bot whose schedule did not change
 *       alone, so its next run stays where it was.
 *   <li>Runs of one bot never overlap; a bot that throws is logged and keeps its schedule, and other bots are not
 *       affected.
 *   <li>Missed runs (the scheduler was down, or all threads were busy, for longer than the misfire threshold past a
 *       run's time) are not replayed: the bot runs once as soon as it can, then resumes its schedule (a cron bot at its
 *       next cron time, an interval bot every interval from that run). See {@link BotTriggers} for why.
 *   <li>On PostgreSQL the scheduler is clustered: nodes with the same instance name share the schedules, and each run
 *       happens on one node only. A node that dies mid-run is not re-run elsewhere; the bot's next run comes as
 *       scheduled. A run a stopped node had already claimed (Quartz claims runs due within about 30 s) is fired by
 *       another node, or the restarted one, after cluster recovery notices the stop, about 15 s later. Nodes must share
 *       one configuration: the last to call {@link #sync} wins.
 * </ul>
 *
 * <p>Quartz fires on the system clock: this class is not driven by an injected {@code Clock}.
 */
public final class BotScheduler implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BotScheduler.class);

    /** The scheduler's name unless set: the rows of the {@code QRTZ_} tables are keyed by it. */
    public static final String DEFAULT_INSTANCE_NAME = "bridle";

    /**
     * How late a run may start and still count as on time (Quartz's default): later than this it has misfired and the
     * misfire policy applies.
     */
    public static final Duration DEFAULT_MISFIRE_THRESHOLD = Duration.ofMinutes(1);

    private final Scheduler quartz;

    private BotScheduler(Scheduler quartz) {
        this.quartz = quartz;
    }

    /** The Quartz scheduler underneath, for tests of what it stores. */
    Scheduler quartz() {
        return quartz;
    }

    /** A builder; the database and the injector are required. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Makes the stored schedules match {@code bots}: adds a job and trigger for each bot with a schedule, replaces a
     * trigger whose schedule changed (its next run is computed afresh), leaves an unchanged one alone, and deletes the
     * job of every bot that is gone or has no schedule.
     *
     * @throws SchedulingException naming the bot, if a schedule is invalid (checked for every bot before anything is
     *     changed) or the store fails
     */
    public void sync(List<BotConfig> bots) {
        Map<String, Trigger> wanted = new LinkedHashMap<>();
        for (BotConfig bot : bots) {
            if (bot.schedule() != null && wanted.put(bot.name(), BotTriggers.triggerFor(bot)) != null) {
                throw new SchedulingException("bot '" + bot.name() + "' is configured more than once");
            }
        }
        wanted.forEach(this::schedule);
        for (JobKey key : jobKeys()) {
            if (!wanted.containsKey(key.getName())) {
                unschedule(key);
            }
        }
    }

    private void schedule(String bot, Trigger trigger) {
        try {
            Trigger stored = quartz.getTrigger(BotTriggers.triggerKey(bot));
            if (stored == null) {
                quartz.scheduleJob(BotTriggers.jobFor(bot), Set.of(trigger), true);
                log.info("bot {} scheduled: {}", bot, trigger.getDescription());
            } else if (!upToDate(bot, stored, trigger)) {
                quartz.addJob(BotTriggers.jobFor(bot), true, true);
                // not scheduleJob(..., replace): Quartz's in-place update leaves the old row behind when
                // a trigger changes kind (interval to cron); rescheduleJob deletes and inserts in one transaction
                quartz.rescheduleJob(stored.getKey(), trigger);
                log.info("bot {} rescheduled: {} (was {})", bot, trigger.getDescription(), stored.getDescription());
            }
        } catch (SchedulerException e) {
            throw new SchedulingException("could not schedule bot '" + bot + "': " + e.getMessage(), e);
        }
    }

    private boolean upToDate(String bot, Trigger stored, Trigger wanted) throws SchedulerException {
        if (!BotTriggers.sameSchedule(stored, wanted)) {
            return false;
        }
        JobDetail job;
        try {
            job = quartz.getJobDetail(BotTriggers.jobKey(bot));
        } catch (JobPersistenceException e) {
            return false; // e.g. a stored job class that no longer exists: replace it
        }
        return job != null && job.getJobClass() == BotJob.class;
    }

    private void unschedule(JobKey key) {
        try {
            if (quartz.deleteJob(key)) {
                log.info("bot {} unscheduled: no longer configured with a schedule", key.getName());
            }
        } catch (SchedulerException e) {
            throw new SchedulingException("could not unschedule bot '" + key.getName() + "': " + e.getMessage(), e);
        }
    }

    private Set<JobKey> jobKeys() {
        try {
            return quartz.getJobKeys(GroupMatcher.jobGroupEquals(BotTriggers.GROUP));
        } catch (SchedulerException e) {
            throw new SchedulingException("could not read the scheduled bots: " + e.getMessage(), e);
        }
    }

    /**
     * Runs deferred action {@code requestId} once at {@code at} (or at once, if {@code at} has passed), replacing any
     * earlier time for it. The trigger is stored, so it survives a restart; if it is missed, it fires as soon as the
     * scheduler can.
     */
    public void scheduleDeferred(String requestId, Instant at) {
        JobKey job = JobKey.jobKey(requestId, DeferredActionJob.GROUP);
        Trigger trigger = TriggerBuilder.newTrigger()
                .withIdentity(TriggerKey.triggerKey(requestId, DeferredActionJob.GROUP))
                .forJob(job)
                .withDescription("deferred action " + requestId)
                .startAt(Date.from(at))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
        try {
            quartz.scheduleJob(
                    JobBuilder.newJob(DeferredActionJob.class).withIdentity(job).build(), Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new SchedulingException("could not schedule deferred action " + requestId + ": " + e.getMessage(), e);
        }
    }

    /** Forgets deferred action {@code requestId}; returns whether it was scheduled. */
    public boolean cancelDeferred(String requestId) {
        try {
            return quartz.deleteJob(JobKey.jobKey(requestId, DeferredActionJob.GROUP));
        } catch (SchedulerException e) {
            throw new SchedulingException("could not cancel deferred action " + requestId + ": " + e.getMessage(), e);
        }
    }

    /** When deferred action {@code requestId} runs, or empty if it is not scheduled. */
    public Optional<Instant> deferredAt(String requestId) {
        try {
            Trigger trigger = quartz.getTrigger(TriggerKey.triggerKey(requestId, DeferredActionJob.GROUP));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new SchedulingException("could not read deferred action " + requestId + ": " + e.getMessage(), e);
        }
    }

    /** The names of the bots that have a stored schedule, sorted. */
    public Set<String> scheduledBots() {
        Set<String> names = new TreeSet<>();
        jobKeys().forEach(key -> names.add(key.getName()));
        return Collections.unmodifiableSet(names);
    }

    /** When the bot runs next, or empty if it has no stored schedule (or will not run again). */
    public Optional<Instant> nextRun(String botName) {
        try {
            Trigger trigger = quartz.getTrigger(BotTriggers.triggerKey(botName));
            return Optional.ofNullable(trigger).map(Trigger::getNextFireTime).map(Date::toInstant);
        } catch (SchedulerException e) {
            throw new SchedulingException("could not read the schedule of bot '" + botName + "': " + e.getMessage(), e);
        }
    }

    /** Starts firing (again, after {@link #standby}); runs missed meanwhile follow the misfire policy. */
    public void start() {
        try {
            quartz.start();
        } catch (SchedulerException e) {
            throw new SchedulingException("could not start the scheduler: " + e.getMessage(), e);
        }
    }

    /** Stops firing until {@link #start}; runs already going finish. */
    public void standby() {
        try {
            quartz.standby();
        } catch (SchedulerException e) {
            throw new SchedulingException("could not put the scheduler in standby: " + e.getMessage(), e);
        }
    }

    /**
     * Stops for good; the stored schedules stay for the next start. Does nothing if already shut down.
     *
     * @param waitForJobs whether to wait for the runs going on to finish
     */
    public void shutdown(boolean waitForJobs) {
        try {
            quartz.shutdown(waitForJobs);
        } catch (SchedulerException e) {
            throw new SchedulingException("could not shut the scheduler down: " + e.getMessage(), e);
        }
    }

    /** Shuts down, waiting for the runs going on to finish. */
    @Override
    public void close() {
        shutdown(true);
    }

    /** Builds a {@link BotScheduler}; {@link #build} checks everything. */
    public static final class Builder {

        private DataSource dataSource;
        private Dialect dialect;

        private SchedulerConfig config = new SchedulerConfig(SchedulerConfig.DEFAULT_THREADS);
        private Injector injector;
        private String instanceName = DEFAULT_INSTANCE_NAME;
        private Duration misfireThreshold = DEFAULT_MISFIRE_THRESHOLD;

        private Builder() {}

        /**
         * The database, already migrated (the QRTZ_ tables exist); the scheduler borrows its connections and never
         * closes it. PostgreSQL makes the scheduler clustered.
         */
        public Builder database(Database database) {
            Objects.requireNonNull(database, "database");
            this.dataSource = database.dataSource();
            this.dialect = database.dialect();
            return this;
        }

        /** Thread count; {@link SchedulerConfig#DEFAULT_THREADS} unless set. */
        public Builder config(SchedulerConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /** Builds the jobs: it must provide a {@link BotInvoker}. */
        public Builder injector(Injector injector) {
            this.injector = Objects.requireNonNull(injector, "injector");
            return this;
        }

        /**
         * The scheduler's name, {@link #DEFAULT_INSTANCE_NAME} unless set: the same on every node of a cluster, and
         * unique among the schedulers running in one JVM.
         */
        public Builder instanceName(String instanceName) {
            this.instanceName = Objects.requireNonNull(instanceName, "instanceName");
            return this;
        }

        /** How late a run may start before it counts as missed; {@link #DEFAULT_MISFIRE_THRESHOLD} unless set. */
        public Builder misfireThreshold(Duration misfireThreshold) {
            this.misfireThreshold = Objects.requireNonNull(misfireThreshold, "misfireThreshold");
            return this;
        }

        /**
         * A scheduler in standby: call {@link BotScheduler#sync} and {@link BotScheduler#start}.
         *
         * @throws IllegalStateException if something required is missing, the injector cannot provide a
         *     {@link BotInvoker}, or a scheduler of this name is already running here
         * @throws SchedulingException if Quartz cannot be set up
         */
        public BotScheduler build() {
            if (dataSource == null || dialect == null || injector == null) {
                throw new IllegalStateException("BotScheduler needs a database and an injector");
            }
            if (instanceName.isBlank()) {
                throw new IllegalStateException("instanceName must not be blank");
            }
            if (misfireThreshold.toMillis() < 1) {
                throw new IllegalStateException("misfireThreshold must be at least 1 ms, was " + misfireThreshold);
            }
            try {
                injector.getProvider(BotJob.class);
            } catch (ConfigurationException e) {
                throw new IllegalStateException(
                        "the injector cannot build scheduled jobs: bind a " + BotInvoker.class.getName() + "\n"
                                + e.getMessage(),
                        e);
            }
            // Quartz keeps schedulers and connection providers in JVM-wide registries keyed by name
            synchronized (BotScheduler.class) {
                if (SchedulerRepository.getInstance().lookup(instanceName) != null) {
                    throw new IllegalStateException("a scheduler named '" + instanceName
                            + "' is already running in this JVM; shut it down first or pick another instanceName");
                }
                String dataSourceName = "bridle-schedule-" + instanceName;
                DBConnectionManager.getInstance()
                        .addConnectionProvider(dataSourceName, new DataSourceConnectionProvider(dataSource));
                try {
                    Scheduler quartz = new StdSchedulerFactory(QuartzProperties.of(
                                    instanceName, dialect, config.threads(), misfireThreshold, dataSourceName))
                            .getScheduler();
                    quartz.setJobFactory(new GuiceJobFactory(injector));
                    return new BotScheduler(quartz);
                } catch (SchedulerException e) {
                    throw new SchedulingException("could not set up the scheduler: " + e.getMessage(), e);
                }
            }
        }
    }
}
