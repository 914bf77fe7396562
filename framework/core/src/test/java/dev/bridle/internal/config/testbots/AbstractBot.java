package dev.bridle.internal.config.testbots;

import dev.bridle.bot.Bot;

/** Abstract, so it cannot be a configured bot. */
public abstract class AbstractBot implements Bot {}
