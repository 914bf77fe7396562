package dev.bridle.bench;

import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;

/** A bot that does nothing: the harnesses need a bot class to name in a configuration. */
public final class NoOpBot implements Bot {

    @Override
    public void onSchedule(BotContext ctx) {
        // nothing
    }
}
