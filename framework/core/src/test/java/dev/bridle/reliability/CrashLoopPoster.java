package dev.bridle.reliability;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;

/**
 * The crash test's bot, run by a child {@code bridle run} that loads it by class name: at every run it posts
 * {@code "crash-loop post N from BOT"}, N counted in its durable state and stored before the post is asked for, so
 * every request has its own text and a text seen twice on the platform is one action sent twice.
 */
public final class CrashLoopPoster implements Bot {

    /** The text of bot {@code bot}'s {@code n}-th post. */
    static String text(String bot, long n) {
        return "crash-loop post " + n + " from " + bot;
    }

    @Override
    public void onSchedule(BotContext ctx) {
        long n = ctx.state().get("posted").map(Long::parseLong).orElse(0L) + 1;
        ctx.state().put("posted", Long.toString(n));
        ActionResult result = ctx.actions().post(text(ctx.botName(), n));
        ctx.log().info("post {}: {}", n, result);
    }
}
