package dev.bridle.examples;

import static dev.bridle.testkit.BridleAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.Mention;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Inbound;
import dev.bridle.testkit.BridleExtension;
import dev.bridle.testkit.TestBridle;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * ThankYouBot as its README paragraph tells it: it thanks whoever mentions {@code @acme_help}, by name, and never
 * checks consent, opt-outs or limits itself; Bridle sends the thanks to those who consented and to nobody who opted
 * out, and the bot just reads the result.
 */
class ThankYouBotTest {

    @RegisterExtension
    static final BridleExtension bridle = BridleExtension.of(
                    b -> b.app("acme-bots-dev", "thanks people who mention Acme")
                            .account("acme_help")
                            .bot("thanks", "acme_help", new ThankYouBot(new Greetings()), null, Inbound.MENTIONS))
            .audience("ana", "ben");

    /** Past the spacing Bridle keeps between one account's actions (30 s by default). */
    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    @Test
    void thanksSomeoneWhoConsentedByName(TestBridle bridle) {
        bridle.user("ana").consentsTo("acme_help");
        bridle.runDue();

        bridle.user("ana").mentions("acme_help", "love the new release");
        bridle.advance(A_MINUTE);

        assertThat(bridle).replied().to("ana").by("thanks").withTextContaining("@ana");
    }

    @Test
    void someoneWhoNeverConsentedIsNotAnswered(TestBridle bridle) {
        bridle.user("ben").mentions("acme_help", "what's new this week?");
        bridle.advance(A_MINUTE);

        assertThat(bridle).denied("REPLY").to("ben").because(ReasonCode.NO_CONSENT);
        assertThat(bridle).sentNothingTo("ben");
    }

    @Test
    void afterStopNothingMoreReachesThem(TestBridle bridle) {
        bridle.user("ana").consentsTo("acme_help");
        bridle.runDue();
        bridle.user("ana").optsOutOf("acme_help");
        bridle.advance(A_MINUTE);

        bridle.user("ana").mentions("acme_help", "one more thing");
        bridle.advance(A_MINUTE);

        assertThat(bridle).denied("REPLY").to("ana").because(ReasonCode.OPTED_OUT);
        assertThat(bridle.outcomes())
                .as("the acknowledgement of START and the one confirmation of STOP; no thanks")
                .filteredOn(o -> o.sent() && o.reaches("ana"))
                .extracting(o -> o.kind())
                .containsExactly("DIRECT_MESSAGE", "DIRECT_MESSAGE");
    }

    @Test
    void differentMentionsGetDifferentWordings() {
        Greetings greetings = new Greetings();
        UserRef ana = new UserRef("2001", "ana");
        long distinct = IntStream.range(0, 20)
                .mapToObj(i -> greetings.thanksFor(
                        new Mention(Integer.toString(1000 + i), ana, "hi", Instant.parse("2026-11-28T09:00:00Z"))))
                .distinct()
                .count();

        assertThat(distinct).isGreaterThan(1);
    }
}
