package dev.bridle.bench.e2e;

import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A bot that does nothing but hand its context to the harness, which then acts through it. */
public final class CapturingBot implements Bot {

    static final Map<String, BotContext> CONTEXTS = new ConcurrentHashMap<>();

    @Override
    public void onSchedule(BotContext ctx) {
        CONTEXTS.put(ctx.account().handle().toLowerCase(Locale.ROOT), ctx);
    }
}
