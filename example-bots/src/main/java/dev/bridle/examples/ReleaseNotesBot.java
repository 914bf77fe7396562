package dev.bridle.examples;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import jakarta.inject.Inject;
import java.util.List;

/**
 * A scheduled poster: each time its schedule fires it announces the next release it has not announced yet. Its place in
 * the feed survives restarts in the bot's state.
 *
 * <p>A note that is sent, queued or denied moves the bot on: a queued note goes out later by itself (posting it again
 * would post it twice), and a denied one, too long or a duplicate, would be denied again. One that is dropped or failed
 * is tried again next time.
 */
public final class ReleaseNotesBot implements Bot {

    /** The state key holding the index of the next note to post. */
    static final String NEXT_NOTE = "next-note";

    private final ReleaseFeed feed;

    @Inject
    public ReleaseNotesBot(ReleaseFeed feed) {
        this.feed = feed;
    }

    @Override
    public void onSchedule(BotContext ctx) {
        int next = ctx.state().get(NEXT_NOTE).map(Integer::parseInt).orElse(0);
        List<ReleaseNote> releases = feed.releases();
        if (next >= releases.size()) {
            ctx.log().debug("every release is announced");
            return;
        }
        ReleaseNote note = releases.get(next);
        ActionResult result = ctx.actions().post(note.asPost());
        if (result.sent() || result.queued() || result.denied()) {
            ctx.state().put(NEXT_NOTE, Integer.toString(next + 1));
        }
        ctx.log().info("release {}: {}", note.version(), result.reason());
    }
}
