package dev.bridle.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.BotState;
import dev.bridle.bot.GuardedActions;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ReleaseNotesBotTest {

    private final BotContext ctx = mock(BotContext.class);
    private final GuardedActions actions = mock(GuardedActions.class);
    private final BotState state = mock(BotState.class);
    private final List<ReleaseNote> releases = List.of(
            new ReleaseNote("1.0.0", "first light", "https://acme.example/1.0.0"),
            new ReleaseNote("1.1.0", "dark mode", "https://acme.example/1.1.0"));
    private final ReleaseNotesBot bot = new ReleaseNotesBot(() -> releases);

    @BeforeEach
    void setUp() {
        when(ctx.actions()).thenReturn(actions);
        when(ctx.state()).thenReturn(state);
        when(ctx.log()).thenReturn(LoggerFactory.getLogger("test"));
    }

    @Test
    void postsTheNextReleaseAndMovesOn() {
        when(state.get(ReleaseNotesBot.NEXT_NOTE)).thenReturn(Optional.of("1"));
        when(actions.post("Acme 1.1.0 is out: dark mode. Notes: https://acme.example/1.1.0"))
                .thenReturn(new ActionResult.Sent("77"));

        bot.onSchedule(ctx);

        verify(state).put(ReleaseNotesBot.NEXT_NOTE, "2");
    }

    @Test
    void startsAtTheFirstReleaseOnAFreshState() {
        when(state.get(ReleaseNotesBot.NEXT_NOTE)).thenReturn(Optional.empty());
        when(actions.post(anyString())).thenReturn(new ActionResult.Sent("1"));

        bot.onSchedule(ctx);

        verify(actions).post("Acme 1.0.0 is out: first light. Notes: https://acme.example/1.0.0");
    }

    @Test
    void aDeniedNoteIsSkippedBecauseItWouldBeDeniedAgain() {
        when(state.get(ReleaseNotesBot.NEXT_NOTE)).thenReturn(Optional.of("0"));
        when(actions.post(anyString()))
                .thenReturn(new ActionResult.Denied(
                        ReasonCode.DUPLICATE_CROSS_ACCOUNT, Rule.NO_DUPLICATE_CONTENT, "same as @acme_help's post 12"));

        bot.onSchedule(ctx);

        verify(state).put(ReleaseNotesBot.NEXT_NOTE, "1");
    }

    /** Issue 11: the bot posted a queued note again next time and was denied as a duplicate of its own queued post. */
    @Test
    void aQueuedNoteIsNotPostedAgainBecauseBridleSendsItLater() {
        when(state.get(ReleaseNotesBot.NEXT_NOTE)).thenReturn(Optional.of("0"));
        when(actions.post(anyString()))
                .thenReturn(new ActionResult.Deferred(
                        Instant.parse("2026-11-28T10:00:00Z"), ReasonCode.THROTTLED_ACCOUNT, "3 posts an hour", true));

        bot.onSchedule(ctx);

        verify(state).put(ReleaseNotesBot.NEXT_NOTE, "1");
    }

    @Test
    void aDeferredNoteThatWasNotQueuedIsTriedAgainNextTime() {
        when(state.get(ReleaseNotesBot.NEXT_NOTE)).thenReturn(Optional.of("0"));
        when(actions.post(anyString()))
                .thenReturn(new ActionResult.Deferred(
                        Instant.parse("2026-11-28T10:00:00Z"), ReasonCode.THROTTLED_ACCOUNT, "3 posts an hour"));

        bot.onSchedule(ctx);

        verify(state, never()).put(anyString(), anyString());
    }

    @Test
    void doesNothingOnceEveryReleaseIsAnnounced() {
        when(state.get(ReleaseNotesBot.NEXT_NOTE)).thenReturn(Optional.of("2"));

        bot.onSchedule(ctx);

        verifyNoInteractions(actions);
    }

    @Test
    void theBundledFeedReadsEveryRelease() {
        List<ReleaseNote> bundled = new BundledReleaseFeed().releases();

        assertThat(bundled).hasSizeGreaterThanOrEqualTo(5);
        assertThat(bundled).allSatisfy(n -> assertThat(n.asPost()).hasSizeLessThanOrEqualTo(280));
    }
}
