package dev.bridle;

import com.google.inject.Module;
import dev.bridle.audit.AuditLedger;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigLoader;
import dev.bridle.internal.platform.PlatformConnection;
import dev.bridle.internal.platform.PlatformFactory;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.platform.Platform;
import dev.bridle.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs bots from Java code, as {@code bridle run} does from the command line.
 *
 * <pre>{@code
 * try (Bridle bridle = Bridle.builder().config(Path.of("config/bridle.yaml")).build()) {
 *     bridle.start();
 *     ...
 * }
 * }</pre>
 *
 * {@link Builder#build()} checks everything it can before anything runs: the configuration, the store (migrated to the
 * current schema), every account's credentials, and that every bot can be built. {@link #start()} then schedules the
 * bots.
 */
public final class Bridle implements AutoCloseable {

    private final BridleRuntime runtime;
    private final PlatformConnection connection;

    private Bridle(BridleRuntime runtime, PlatformConnection connection) {
        this.runtime = runtime;
        this.connection = connection;
    }

    /** A builder; only the configuration is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Schedules every bot as configured and starts running them. */
    public void start() {
        runtime.start();
    }

    /**
     * Runs {@code botName}'s {@code onSchedule} now, on the calling thread, whatever its schedule.
     *
     * @return whether it completed without throwing (a throw is logged and recorded in the ledger)
     * @throws java.util.NoSuchElementException if no bot has that name
     */
    public boolean runNow(String botName) {
        return runtime.bots().runScheduled(botName);
    }

    /**
     * How many actions are waiting to be sent later: deferred by a throttle or the platform, or compliance messages
     * waiting for another try.
     */
    public int waitingActions() {
        return runtime.deferred().waiting();
    }

    /** The audit ledger: every decision and outcome. */
    public AuditLedger ledger() {
        return runtime.ledger();
    }

    /**
     * The in-process sandbox the bots act on when no account has credentials; empty when they act on X (or on a
     * platform given to the builder).
     */
    public Optional<Sandbox> sandbox() {
        return connection == null ? Optional.empty() : connection.sandbox();
    }

    /** Stops the bots, letting running handlers finish, and closes the store (and the sandbox, if any). */
    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            if (connection != null) {
                connection.close();
            }
        }
    }

    /** Builds a {@link Bridle}; see {@link Bridle} for what {@link #build()} checks. */
    public static final class Builder {

        private BridleConfig config;
        private Platform platform;
        private Clock clock = Clock.systemUTC();
        private final List<Module> modules = new ArrayList<>();
        private ClassLoader classLoader = Thread.currentThread().getContextClassLoader();

        private Builder() {}

        /** The configuration, already validated. */
        public Builder config(BridleConfig config) {
            this.config = Objects.requireNonNull(config, "config");
            return this;
        }

        /**
         * The configuration in {@code file}.
         *
         * @throws dev.bridle.internal.config.ConfigException listing every problem, if there is any
         */
        public Builder config(Path file) {
            return config(ConfigLoader.load(file));
        }

        /**
         * The platform to act on, for tests and embedding. Unless it is set, the platform comes from the configuration:
         * X when every account has credentials, the built-in sandbox when none has.
         */
        public Builder platform(Platform platform) {
            this.platform = Objects.requireNonNull(platform, "platform");
            return this;
        }

        /** The clock every part reads; the system clock unless set. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** A Guice module for the bots' own services, in addition to those named in configuration. */
        public Builder module(Module module) {
            modules.add(Objects.requireNonNull(module, "module"));
            return this;
        }

        /** Where bot and module classes are loaded from; the thread's context class loader unless set. */
        public Builder classLoader(ClassLoader classLoader) {
            this.classLoader = Objects.requireNonNull(classLoader, "classLoader");
            return this;
        }

        /**
         * Opens the store and builds every part.
         *
         * @throws IllegalStateException naming what is missing or what failed
         */
        public Bridle build() {
            if (config == null) {
                throw new IllegalStateException("Bridle needs a configuration: call config(...)");
            }
            if (platform != null) {
                return new Bridle(BridleRuntime.create(config, platform, clock, modules, classLoader), null);
            }
            AtomicReference<PlatformConnection> connection = new AtomicReference<>();
            try {
                BridleRuntime runtime = BridleRuntime.create(
                        config,
                        feedback -> {
                            connection.set(PlatformFactory.connect(config, clock, feedback));
                            return connection.get().platform();
                        },
                        clock,
                        modules,
                        classLoader);
                return new Bridle(runtime, connection.get());
            } catch (RuntimeException e) {
                if (connection.get() != null) {
                    connection.get().close();
                }
                throw e;
            }
        }
    }
}
