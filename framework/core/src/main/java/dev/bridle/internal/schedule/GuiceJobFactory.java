package dev.bridle.internal.schedule;

import com.google.inject.Injector;
import org.quartz.Job;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.spi.JobFactory;
import org.quartz.spi.TriggerFiredBundle;

/** Builds each job Quartz fires through Guice, so jobs take their collaborators by constructor. */
final class GuiceJobFactory implements JobFactory {

    private final Injector injector;

    GuiceJobFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public Job newJob(TriggerFiredBundle bundle, Scheduler scheduler) throws SchedulerException {
        Class<? extends Job> type = bundle.getJobDetail().getJobClass();
        try {
            return injector.getInstance(type);
        } catch (RuntimeException e) {
            throw new SchedulerException(
                    "could not build job " + type.getName() + " for "
                            + bundle.getJobDetail().getKey(),
                    e);
        }
    }
}
