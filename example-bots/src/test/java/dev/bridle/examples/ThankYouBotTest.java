package dev.bridle.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.GuardedActions;
import dev.bridle.bot.Mention;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.bot.UserRef;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.slf4j.LoggerFactory;

class ThankYouBotTest {

    private final BotContext ctx = mock(BotContext.class);
    private final GuardedActions actions = mock(GuardedActions.class);
    private final ThankYouBot bot = new ThankYouBot(new Greetings());
    private final Mention mention = new Mention(
            "1500",
            new UserRef("2001", "ana"),
            "@acme_help love the new release",
            Instant.parse("2026-11-28T09:00:00Z"));

    @BeforeEach
    void setUp() {
        when(ctx.actions()).thenReturn(actions);
        when(ctx.log()).thenReturn(LoggerFactory.getLogger("test"));
    }

    @Test
    void repliesToTheMentionAddressingItsAuthor() {
        when(actions.reply(eq(mention), anyString())).thenReturn(new ActionResult.Sent("1501"));

        bot.onMention(mention, ctx);

        ArgumentCaptor<String> text = ArgumentCaptor.forClass(String.class);
        verify(actions).reply(eq(mention), text.capture());
        assertThat(text.getValue()).contains("@ana");
    }

    @Test
    void aDenialIsANormalResultNotAnError() {
        when(actions.reply(eq(mention), anyString()))
                .thenReturn(new ActionResult.Denied(
                        ReasonCode.NO_CONSENT, Rule.AUTOMATED_CONTACT_CONSENT, "no consent from @ana"));

        bot.onMention(mention, ctx);

        verify(actions).reply(eq(mention), anyString());
    }

    @Test
    void differentMentionsGetDifferentWordings() {
        Greetings greetings = new Greetings();
        long distinct = java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> greetings.thanksFor(
                        new Mention(Integer.toString(1000 + i), mention.author(), "hi", mention.createdAt())))
                .distinct()
                .count();

        assertThat(distinct).isGreaterThan(1);
    }
}
