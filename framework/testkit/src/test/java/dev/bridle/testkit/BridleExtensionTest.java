package dev.bridle.testkit;

import static dev.bridle.testkit.BridleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.config.Schedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Moving the test's clock runs what is due, on the test's thread: schedules first, then deferred actions. */
class BridleExtensionTest {

    /** Posts twice each run; the second waits out the account's spacing. */
    static final class TwicePoster implements Bot {
        final List<ActionResult> results = new ArrayList<>();
        private int run;

        @Override
        public void onSchedule(BotContext ctx) {
            run++;
            results.add(ctx.actions().post("Release notes, part " + run + "a"));
            results.add(ctx.actions().post("Release notes, part " + run + "b"));
        }
    }

    static TwicePoster poster;

    @RegisterExtension
    static final BridleExtension bridle = BridleExtension.of(b -> {
        poster = new TwicePoster();
        b.app("acme-bots-dev", "posts release notes")
                .account("acme_news")
                .bot("notes", "acme_news", poster, new Schedule.Every(Duration.ofHours(1)));
    });

    @Test
    void nothingRunsUntilTheTestSaysSo(TestBridle bridle) {
        assertThat(poster.results).isEmpty();
        assertThat(bridle.outcomes()).isEmpty();
    }

    @Test
    void anIntervalFiresAtStartAndThenEachTimeTheClockPassesIt(TestBridle bridle) {
        bridle.runDue();
        assertThat(poster.results).hasSize(2);

        bridle.advance(Duration.ofMinutes(59));
        assertThat(poster.results).as("not an hour yet").hasSize(2);
        bridle.advance(Duration.ofMinutes(1));
        assertThat(poster.results).hasSize(4);
    }

    @Test
    void aDeferredActionIsSentWhenTheClockReachesItsTime(TestBridle bridle) {
        bridle.runDue();
        assertThat(poster.results.get(0).sent()).isTrue();
        assertThat(poster.results.get(1)).isInstanceOf(ActionResult.Deferred.class);
        assertThat(bridle).deferred("POST").any();

        bridle.advance(Duration.ofSeconds(31));

        assertThat(bridle).posted().any().withTextContaining("part 1b");
        assertThat(bridle.outcomes())
                .extracting(Outcome::event)
                .containsExactly(LedgerEvent.SENT, LedgerEvent.DEFERRED, LedgerEvent.SENT);
    }

    @Test
    void someoneOutsideTheAudienceIsNamedAtOnce(TestBridle bridle) {
        assertThatThrownBy(() -> bridle.user("zed")).hasMessageContaining("zed");
    }
}
