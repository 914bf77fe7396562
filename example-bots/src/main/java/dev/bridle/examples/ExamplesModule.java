package dev.bridle.examples;

import com.google.inject.AbstractModule;

/**
 * The example bots' own services, for Guice. Listed under {@code modules:} in {@code config/bridle.yaml}; bots get what
 * it binds through their {@code @Inject} constructors.
 */
public final class ExamplesModule extends AbstractModule {

    @Override
    protected void configure() {
        bind(ReleaseFeed.class).to(BundledReleaseFeed.class);
    }
}
