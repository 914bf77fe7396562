package dev.bridle.examples;

import static dev.bridle.testkit.BridleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.config.Schedule;
import dev.bridle.testkit.BridleExtension;
import dev.bridle.testkit.Outcome;
import dev.bridle.testkit.TestBridle;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** ReleaseNotesBot on its schedule, through every guard: one release each hour until all are out, then nothing. */
class ReleaseNotesBotScheduleTest {

    private static final List<ReleaseNote> RELEASES = List.of(
            new ReleaseNote("1.0.0", "first light", "https://acme.example/1.0.0"),
            new ReleaseNote("1.1.0", "dark mode", "https://acme.example/1.1.0"));

    @RegisterExtension
    static final BridleExtension bridle = BridleExtension.of(b -> b.app("acme-bots-dev", "announces Acme's releases")
            .account("acme_news")
            .bot(
                    "release-notes",
                    "acme_news",
                    new ReleaseNotesBot(() -> RELEASES),
                    new Schedule.Every(Duration.ofHours(1))));

    @Test
    void announcesOneReleaseEachHourUntilAllAreOut(TestBridle bridle) {
        bridle.runDue();
        bridle.advance(Duration.ofHours(1));
        bridle.advance(Duration.ofHours(1));

        assertThat(bridle).posted().any().withTextContaining("1.1.0");
        assertThat(bridle.outcomes())
                .extracting(Outcome::text)
                .containsExactly(
                        "Acme 1.0.0 is out: first light. Notes: https://acme.example/1.0.0",
                        "Acme 1.1.0 is out: dark mode. Notes: https://acme.example/1.1.0");
    }
}
