package dev.bridle.internal.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.JobExecutionContext;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

class BotJobTest {

    private final Logger logger = (Logger) LoggerFactory.getLogger(BotJob.class);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        logger.addAppender(logged);
    }

    @AfterEach
    void release() {
        logger.detachAppender(logged);
        Thread.interrupted();
    }

    @Test
    void runsTheBotNamedByTheJobWithItsNameInTheLoggingContext() {
        List<String> seen = new ArrayList<>();
        new BotJob(bot -> seen.add(bot + "/" + MDC.get(BotJob.MDC_BOT))).execute(contextFor("digest"));

        assertThat(seen).containsExactly("digest/digest");
        assertThat(MDC.get(BotJob.MDC_BOT)).isNull();
    }

    @Test
    void aBotThatThrowsIsLoggedWithItsNameAndTheErrorAndNothingIsRethrown() {
        IllegalStateException boom = new IllegalStateException("boom");

        assertThatCode(() -> new BotJob(bot -> {
                            throw boom;
                        })
                        .execute(contextFor("digest")))
                .doesNotThrowAnyException();

        assertThat(logged.list).singleElement().satisfies(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("bot digest failed");
            assertThat(event.getThrowableProxy().getMessage()).isEqualTo("boom");
        });
        assertThat(MDC.get(BotJob.MDC_BOT)).isNull();
    }

    @Test
    void aBotThatFailsWithALinkageErrorIsLoggedToo() {
        assertThatCode(() -> new BotJob(bot -> {
                            throw new NoClassDefFoundError("com/acme/Gone");
                        })
                        .execute(contextFor("digest")))
                .doesNotThrowAnyException();

        assertThat(logged.list)
                .singleElement()
                .extracting(ILoggingEvent::getLevel)
                .isEqualTo(Level.ERROR);
    }

    @Test
    void anInterruptedRunKeepsTheInterruptFlag() {
        new BotJob(bot -> {
                    throw new InterruptedException();
                })
                .execute(contextFor("digest"));

        assertThat(Thread.currentThread().isInterrupted()).isTrue();
    }

    @Test
    void runsOfOneBotDoNotOverlap() {
        assertThat(BotJob.class).hasAnnotation(DisallowConcurrentExecution.class);
    }

    private static JobExecutionContext contextFor(String bot) {
        JobExecutionContext context = mock(JobExecutionContext.class);
        when(context.getJobDetail()).thenReturn(BotTriggers.jobFor(bot));
        return context;
    }
}
