package dev.bridle.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.store.Dialect;
import java.time.Duration;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class QuartzPropertiesTest {

    @Test
    void h2IsOneNodeReadingByteaAsAStream() {
        Properties p = QuartzProperties.of("bridle", Dialect.H2, 3, Duration.ofSeconds(60), "ds");

        assertThat(p.getProperty("org.quartz.jobStore.driverDelegateClass"))
                .isEqualTo("org.quartz.impl.jdbcjobstore.HSQLDBDelegate");
        assertThat(p.getProperty("org.quartz.jobStore.isClustered")).isEqualTo("false");
        assertThat(p.getProperty("org.quartz.scheduler.instanceId")).isEqualTo("NON_CLUSTERED");
        assertThat(p).doesNotContainKey("org.quartz.jobStore.clusterCheckinInterval");
    }

    @Test
    void postgresqlIsClusteredWithAnIdPerNode() {
        Properties p = QuartzProperties.of("bridle", Dialect.POSTGRES, 3, Duration.ofSeconds(60), "ds");

        assertThat(p.getProperty("org.quartz.jobStore.driverDelegateClass"))
                .isEqualTo("org.quartz.impl.jdbcjobstore.PostgreSQLDelegate");
        assertThat(p.getProperty("org.quartz.jobStore.isClustered")).isEqualTo("true");
        assertThat(p.getProperty("org.quartz.scheduler.instanceId")).isEqualTo("AUTO");
        assertThat(p.getProperty("org.quartz.jobStore.clusterCheckinInterval")).isEqualTo("7500");
    }

    @Test
    void aJdbcStoreOnTheGivenDataSourceWithTheConfiguredThreadsAndThreshold() {
        Properties p = QuartzProperties.of("acme", Dialect.H2, 3, Duration.ofMillis(250), "bridle-schedule-acme");

        assertThat(p.getProperty("org.quartz.scheduler.instanceName")).isEqualTo("acme");
        assertThat(p.getProperty("org.quartz.jobStore.class")).isEqualTo("org.quartz.impl.jdbcjobstore.JobStoreTX");
        assertThat(p.getProperty("org.quartz.jobStore.dataSource")).isEqualTo("bridle-schedule-acme");
        assertThat(p.getProperty("org.quartz.jobStore.tablePrefix")).isEqualTo("QRTZ_");
        assertThat(p.getProperty("org.quartz.jobStore.useProperties")).isEqualTo("true");
        assertThat(p.getProperty("org.quartz.jobStore.misfireThreshold")).isEqualTo("250");
        assertThat(p.getProperty("org.quartz.threadPool.threadCount")).isEqualTo("3");
    }

    @Test
    void dueTriggersAreTakenUpToOnePerThreadInsideTheLockAndNeverEarly() {
        Properties p = QuartzProperties.of("acme", Dialect.H2, 4, Duration.ofSeconds(60), "ds");

        assertThat(p.getProperty("org.quartz.scheduler.batchTriggerAcquisitionMaxCount"))
                .isEqualTo("4");
        assertThat(p.getProperty("org.quartz.jobStore.acquireTriggersWithinLock"))
                .isEqualTo("true");
        assertThat(p).doesNotContainKey("org.quartz.scheduler.batchTriggerAcquisitionFireAheadTimeWindow");
    }
}
