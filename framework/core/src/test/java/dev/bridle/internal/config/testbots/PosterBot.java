package dev.bridle.internal.config.testbots;

import dev.bridle.bot.Bot;

/** A scheduled bot for configuration tests; it does nothing. */
public final class PosterBot implements Bot {}
