package dev.bridle.internal.runtime;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import dev.bridle.bot.Bot;
import dev.bridle.internal.config.BridleConfig;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds bots with Guice: the operator's modules from configuration, plus the {@link Clock}, so a bot or its services
 * can {@code @Inject Clock}. Each configured bot gets its own instance.
 */
final class BotFactory {

    private final Injector injector;
    private final ClassLoader classLoader;

    BotFactory(BridleConfig config, Clock clock, List<Module> extraModules, ClassLoader classLoader) {
        this.classLoader = classLoader;
        List<Module> modules = new ArrayList<>();
        for (String name : config.modules()) {
            modules.add(instantiate(name));
        }
        modules.addAll(extraModules);
        modules.add(new AbstractModule() {
            @Override
            protected void configure() {
                bind(Clock.class).toInstance(clock);
            }
        });
        this.injector = Guice.createInjector(modules);
    }

    Injector injector() {
        return injector;
    }

    Bot build(String botName, String className) {
        Class<?> type = load(className);
        if (!Bot.class.isAssignableFrom(type)) {
            throw new IllegalStateException(
                    "bot '" + botName + "': " + className + " does not implement " + Bot.class.getName());
        }
        return (Bot) injector.getInstance(type);
    }

    private Module instantiate(String className) {
        Class<?> type = load(className);
        if (!Module.class.isAssignableFrom(type)) {
            throw new IllegalStateException(className + " is not a Guice module");
        }
        try {
            return (Module) type.getDeclaredConstructor().newInstance();
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("module " + className + " failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("module " + className + " needs a public no-argument constructor", e);
        }
    }

    private Class<?> load(String className) {
        try {
            return Class.forName(className, true, classLoader);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(className + " is not on the class path", e);
        }
    }
}
