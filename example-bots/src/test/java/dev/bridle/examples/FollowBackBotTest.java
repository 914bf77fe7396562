package dev.bridle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import dev.bridle.testkit.ScriptedBotContext;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** FollowBackBot follows whoever mentions the account and asks to be followed, and nobody else. */
class FollowBackBotTest {

    private static final UserRef DAN = new UserRef("2004", "dan");

    private final ScriptedBotContext ctx = ScriptedBotContext.forBot("follow-back");
    private final FollowBackBot bot = new FollowBackBot();

    private Mention saying(String text) {
        return new Mention("3000", DAN, text, Instant.parse("2026-11-28T09:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "@acme_news follow me please",
                "@acme_news Follow back?",
                "pls follow @acme_news",
                "@acme_news FOLLOW US"
            })
    void followsPeopleWhoAsk(String text) {
        bot.onMention(saying(text), ctx);

        assertThat(ctx.asked()).containsExactly(new ScriptedBotContext.Asked("FOLLOW", DAN, null));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "@acme_news great release",
                "@acme_news I follow your blog",
                "@acme_news the follower count is wrong"
            })
    void followsNobodyElse(String text) {
        bot.onMention(saying(text), ctx);

        assertThat(ctx.asked()).isEmpty();
    }
}
