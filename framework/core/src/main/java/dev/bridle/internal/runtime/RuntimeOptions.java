package dev.bridle.internal.runtime;

import com.google.inject.Module;
import dev.bridle.bot.Bot;
import dev.bridle.internal.config.BridleConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The optional inputs of {@link BridleRuntime#create}, each with its default: no extra Guice modules, bot classes
 * loaded by the runtime's own class loader, the consent, opt-out and webhook settings the configuration holds, every
 * bot built by Guice, and no test hooks. Immutable: each method returns a copy with one input changed.
 */
public final class RuntimeOptions {

    private static final RuntimeOptions DEFAULTS =
            new RuntimeOptions(List.of(), BridleRuntime.class.getClassLoader(), null, Map.of(), RuntimeHooks.NONE);

    private final List<Module> modules;
    private final ClassLoader classLoader;
    private final ContactSettings contact;
    private final Map<String, Bot> bots;
    private final RuntimeHooks hooks;

    private RuntimeOptions(
            List<Module> modules,
            ClassLoader classLoader,
            ContactSettings contact,
            Map<String, Bot> bots,
            RuntimeHooks hooks) {
        this.modules = modules;
        this.classLoader = classLoader;
        this.contact = contact;
        this.bots = bots;
        this.hooks = hooks;
    }

    /** Every input at its default. */
    public static RuntimeOptions defaults() {
        return DEFAULTS;
    }

    /** Guice modules added to the bots' injector. */
    public RuntimeOptions modules(List<Module> modules) {
        return new RuntimeOptions(List.copyOf(modules), classLoader, contact, bots, hooks);
    }

    /** Where the configured bot classes are loaded from. */
    public RuntimeOptions classLoader(ClassLoader classLoader) {
        return new RuntimeOptions(modules, Objects.requireNonNull(classLoader, "classLoader"), contact, bots, hooks);
    }

    /** Consent, opt-out and webhook settings other than the configuration's. */
    public RuntimeOptions contact(ContactSettings contact) {
        return new RuntimeOptions(modules, classLoader, Objects.requireNonNull(contact, "contact"), bots, hooks);
    }

    /**
     * Bots given as instances ({@code Bridle.builder().bot(...)}), by name: those are used as they are, the others
     * built by Guice.
     */
    public RuntimeOptions bots(Map<String, Bot> bots) {
        return new RuntimeOptions(modules, classLoader, contact, Map.copyOf(bots), hooks);
    }

    /** Test hooks ({@link RuntimeHooks}); production keeps {@link RuntimeHooks#NONE}. */
    RuntimeOptions hooks(RuntimeHooks hooks) {
        return new RuntimeOptions(modules, classLoader, contact, bots, Objects.requireNonNull(hooks, "hooks"));
    }

    /**
     * The scheduler named {@code name}: Quartz allows one scheduler of a name per JVM, so tests that run two nodes in
     * one JVM name them apart.
     */
    RuntimeOptions schedulerName(String name) {
        return hooks(hooks.named(name));
    }

    List<Module> modules() {
        return modules;
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    /** The contact settings given, else those {@code config} holds. */
    ContactSettings contact(BridleConfig config) {
        return contact != null ? contact : ContactSettings.of(config);
    }

    Map<String, Bot> bots() {
        return bots;
    }

    RuntimeHooks hooks() {
        return hooks;
    }
}
