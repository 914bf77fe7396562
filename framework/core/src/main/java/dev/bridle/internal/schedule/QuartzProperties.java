package dev.bridle.internal.schedule;

import dev.bridle.internal.store.Dialect;
import java.time.Duration;
import java.util.Properties;
import org.quartz.impl.jdbcjobstore.HSQLDBDelegate;
import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.PostgreSQLDelegate;
import org.quartz.simpl.SimpleThreadPool;

/** The Quartz configuration of a {@link BotScheduler}: a JDBC job store on Bridle's own database. */
final class QuartzProperties {

    /** Prefix of the tables created by {@code V2__quartz.sql}. */
    static final String TABLE_PREFIX = "QRTZ_";

    /** How often a clustered node reports in; a node silent for longer is presumed dead and its work recovered. */
    static final Duration CLUSTER_CHECKIN_INTERVAL = Duration.ofMillis(7_500);

    private QuartzProperties() {}

    /**
     * @param instanceName the scheduler's name: every node of one cluster uses the same one
     * @param dataSourceName the name the connection provider is registered under with Quartz
     */
    static Properties of(
            String instanceName, Dialect dialect, int threads, Duration misfireThreshold, String dataSourceName) {
        boolean clustered = dialect == Dialect.POSTGRES;
        Properties p = new Properties();
        p.setProperty("org.quartz.scheduler.instanceName", instanceName);
        // AUTO gives each node its own id (host name + start time), as clustering requires
        p.setProperty("org.quartz.scheduler.instanceId", clustered ? "AUTO" : "NON_CLUSTERED");
        p.setProperty("org.quartz.scheduler.interruptJobsOnShutdown", "false");

        p.setProperty("org.quartz.threadPool.class", SimpleThreadPool.class.getName());
        p.setProperty("org.quartz.threadPool.threadCount", Integer.toString(threads));
        p.setProperty("org.quartz.threadPool.threadNamePrefix", instanceName + "-bot");
        // Take up to one due trigger per free thread in each locked round trip to the job store,
        // not Quartz's default of one: bench/RESULTS.md (point 5) measured one at a time unable to
        // fire 10,000 per-minute bots within their minute on H2. Quartz needs the acquisition
        // inside the lock when it takes more than one (quartz#720). Nothing fires early: the
        // fire-ahead window stays 0.
        p.setProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount", Integer.toString(threads));
        p.setProperty("org.quartz.jobStore.acquireTriggersWithinLock", "true");

        p.setProperty("org.quartz.jobStore.class", JobStoreTX.class.getName());
        p.setProperty("org.quartz.jobStore.driverDelegateClass", delegateFor(dialect));
        p.setProperty("org.quartz.jobStore.dataSource", dataSourceName);
        p.setProperty("org.quartz.jobStore.tablePrefix", TABLE_PREFIX);
        // job data as string properties, not serialized Java objects: nothing breaks when classes change
        p.setProperty("org.quartz.jobStore.useProperties", "true");
        p.setProperty("org.quartz.jobStore.misfireThreshold", Long.toString(misfireThreshold.toMillis()));
        p.setProperty("org.quartz.jobStore.isClustered", Boolean.toString(clustered));
        if (clustered) {
            p.setProperty(
                    "org.quartz.jobStore.clusterCheckinInterval", Long.toString(CLUSTER_CHECKIN_INTERVAL.toMillis()));
        }
        return p;
    }

    /**
     * The delegate that reads {@code V2__quartz.sql}'s BYTEA columns on each database: PostgreSQL's reads them with
     * {@code getBytes}; on H2, where BYTEA is VARBINARY, the HSQLDB delegate reads them with {@code getBinaryStream}
     * (the standard delegate's {@code getBlob} is meant for BLOB columns).
     */
    static String delegateFor(Dialect dialect) {
        return switch (dialect) {
            case H2 -> HSQLDBDelegate.class.getName();
            case POSTGRES -> PostgreSQLDelegate.class.getName();
        };
    }
}
