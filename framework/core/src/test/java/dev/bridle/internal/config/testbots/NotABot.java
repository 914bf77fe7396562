package dev.bridle.internal.config.testbots;

/** Does not implement Bot. */
public final class NotABot {}
