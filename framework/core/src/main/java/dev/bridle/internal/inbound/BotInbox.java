package dev.bridle.internal.inbound;

import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;

/**
 * Where the {@link InboundRouter} hands a message that passed its steps to one bot. The runtime's bot runner is the one
 * implementation; the router knows only this, so the inbound plumbing does not depend on the runtime that assembles it.
 */
public interface BotInbox {

    /** Hands {@code mention} to the bot named {@code bot}; returns whether the bot handled it without throwing. */
    boolean deliver(String bot, Mention mention);

    /** Hands {@code message} to the bot named {@code bot}; returns whether the bot handled it without throwing. */
    boolean deliver(String bot, DirectMessage message);
}
