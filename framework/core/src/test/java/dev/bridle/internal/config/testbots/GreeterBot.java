package dev.bridle.internal.config.testbots;

import dev.bridle.bot.Bot;
import jakarta.inject.Inject;

/** A bot with an @Inject constructor, as Guice builds bots. */
public final class GreeterBot implements Bot {

    private final Greetings greetings;

    @Inject
    public GreeterBot(Greetings greetings) {
        this.greetings = greetings;
    }

    Greetings greetings() {
        return greetings;
    }

    /** A service the bot takes. */
    public static final class Greetings {}
}
