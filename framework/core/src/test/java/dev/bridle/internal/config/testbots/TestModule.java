package dev.bridle.internal.config.testbots;

import com.google.inject.AbstractModule;

/** A Guice module for configuration tests. */
public final class TestModule extends AbstractModule {}
