package dev.bridle.internal.config.testbots;

import dev.bridle.bot.Bot;

/** Takes arguments without @Inject, so Guice cannot build it. */
public final class ArgumentsBot implements Bot {

    public ArgumentsBot(String greeting) {
        if (greeting == null) {
            throw new IllegalArgumentException("greeting");
        }
    }
}
