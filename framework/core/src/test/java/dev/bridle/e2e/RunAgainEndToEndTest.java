package dev.bridle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.sandbox.SandboxPost;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bridle run} started again on the store of an earlier run, with a new built-in sandbox. */
class RunAgainEndToEndTest {

    @TempDir
    Path dir;

    /**
     * Found running the demo twice: the second run's audience was never read. Cause: each new sandbox gave out post ids
     * from 1800000000000000001 again, below the polling cursor and among the claims the store kept from the first run.
     */
    @Test
    void aSecondRunReadsItsNewSandboxsMentions() {
        String firstId;
        try (SandboxRun first = new SandboxRun(dir)) {
            SandboxPost mention = first.sandbox().injectMention("ana", "acme_help", "@acme_help hello");
            first.poll();
            firstId = mention.id();
            assertThat(SandboxRun.Thanker.REPLIES).containsKey(firstId);
        }
        try (SandboxRun second = new SandboxRun(dir, SandboxRun.T0.plus(Duration.ofMinutes(5)))) {
            SandboxPost mention = second.sandbox().injectMention("ben", "acme_help", "@acme_help hello again");
            second.poll();

            assertThat(Long.parseLong(mention.id())).isGreaterThan(Long.parseLong(firstId));
            assertThat(SandboxRun.Thanker.REPLIES)
                    .as("the second run's mention reached the bot")
                    .containsKey(mention.id());
        }
    }
}
