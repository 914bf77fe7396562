package dev.bridle.examples;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.GuardedActions;
import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

class FollowBackBotTest {

    private static final UserRef DAN = new UserRef("2004", "dan");

    private final BotContext ctx = mock(BotContext.class);
    private final GuardedActions actions = mock(GuardedActions.class);
    private final FollowBackBot bot = new FollowBackBot();

    @BeforeEach
    void setUp() {
        when(ctx.actions()).thenReturn(actions);
        when(ctx.log()).thenReturn(LoggerFactory.getLogger("test"));
        when(actions.follow(any())).thenReturn(new ActionResult.Sent("2004"));
    }

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

        verify(actions).follow(DAN);
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

        verify(actions, never()).follow(any());
    }
}
