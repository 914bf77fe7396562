package dev.bridle.config.testbots;

/** Does not implement Bot. */
public final class NotABot {
}
