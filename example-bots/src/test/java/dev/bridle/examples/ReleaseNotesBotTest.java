package dev.bridle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.testkit.ScriptedBotContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * ReleaseNotesBot announces each release once, in order, and moves on only past what Bridle took or refused for good.
 */
class ReleaseNotesBotTest {

    private final List<ReleaseNote> releases = List.of(
            new ReleaseNote("1.0.0", "first light", "https://acme.example/1.0.0"),
            new ReleaseNote("1.1.0", "dark mode", "https://acme.example/1.1.0"));
    private final ReleaseNotesBot bot = new ReleaseNotesBot(() -> releases);

    private static ScriptedBotContext answering(ActionResult result, String nextNote) {
        ScriptedBotContext ctx = ScriptedBotContext.forBot("release-notes").answering(a -> result);
        if (nextNote != null) {
            ctx.state().put(ReleaseNotesBot.NEXT_NOTE, nextNote);
        }
        return ctx;
    }

    private static List<String> posted(ScriptedBotContext ctx) {
        return ctx.asked().stream().map(ScriptedBotContext.Asked::text).toList();
    }

    @Test
    void postsTheNextReleaseAndMovesOn() {
        ScriptedBotContext ctx = answering(new ActionResult.Sent("77"), "1");

        bot.onSchedule(ctx);

        assertThat(posted(ctx)).containsExactly("Acme 1.1.0 is out: dark mode. Notes: https://acme.example/1.1.0");
        assertThat(ctx.stateNow()).containsEntry(ReleaseNotesBot.NEXT_NOTE, "2");
    }

    @Test
    void startsAtTheFirstReleaseOnAFreshState() {
        ScriptedBotContext ctx = answering(new ActionResult.Sent("1"), null);

        bot.onSchedule(ctx);

        assertThat(posted(ctx)).containsExactly("Acme 1.0.0 is out: first light. Notes: https://acme.example/1.0.0");
    }

    @Test
    void aDeniedNoteIsSkippedBecauseItWouldBeDeniedAgain() {
        ScriptedBotContext ctx = answering(
                new ActionResult.Denied(
                        ReasonCode.DUPLICATE_CROSS_ACCOUNT, Rule.NO_DUPLICATE_CONTENT, "same as @acme_help's post 12"),
                "0");

        bot.onSchedule(ctx);

        assertThat(ctx.stateNow()).containsEntry(ReleaseNotesBot.NEXT_NOTE, "1");
    }

    /** Issue 11: the bot posted a queued note again next time and was denied as a duplicate of its own queued post. */
    @Test
    void aQueuedNoteIsNotPostedAgainBecauseBridleSendsItLater() {
        ScriptedBotContext ctx = answering(
                new ActionResult.Deferred(
                        Instant.parse("2026-11-28T10:00:00Z"), ReasonCode.THROTTLED_ACCOUNT, "3 posts an hour", true),
                "0");

        bot.onSchedule(ctx);

        assertThat(ctx.stateNow()).containsEntry(ReleaseNotesBot.NEXT_NOTE, "1");
    }

    @Test
    void aDeferredNoteThatWasNotQueuedIsTriedAgainNextTime() {
        ScriptedBotContext ctx = answering(
                new ActionResult.Deferred(
                        Instant.parse("2026-11-28T10:00:00Z"), ReasonCode.THROTTLED_ACCOUNT, "3 posts an hour"),
                "0");

        bot.onSchedule(ctx);

        assertThat(ctx.stateNow()).containsEntry(ReleaseNotesBot.NEXT_NOTE, "0");
    }

    @Test
    void doesNothingOnceEveryReleaseIsAnnounced() {
        ScriptedBotContext ctx = answering(new ActionResult.Sent("1"), "2");

        bot.onSchedule(ctx);

        assertThat(ctx.asked()).isEmpty();
    }

    @Test
    void theBundledFeedReadsEveryRelease() {
        List<ReleaseNote> bundled = new BundledReleaseFeed().releases();

        assertThat(bundled).hasSizeGreaterThanOrEqualTo(5);
        assertThat(bundled).allSatisfy(n -> assertThat(n.asPost()).hasSizeLessThanOrEqualTo(280));
    }
}
