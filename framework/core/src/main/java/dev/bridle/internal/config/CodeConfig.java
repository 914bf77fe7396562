package dev.bridle.internal.config;

import dev.bridle.bot.Bot;
import dev.bridle.config.Environment;
import dev.bridle.config.Inbound;
import dev.bridle.config.Schedule;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.yaml.YamlProblem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A configuration built in code ({@code Bridle.builder()}), checked by the same rules the YAML readers apply, with the
 * same messages: an app name that says its environment ({@link AppNameRule}), valid and unique handles and bot names,
 * bots on configured accounts, bot classes Guice can build ({@link ClassChecker}), and no bot that could never run.
 * Every problem is collected before it gives up, as the file reader does; each names the section and item it is about.
 */
public final class CodeConfig {

    /** The source a configuration built in code names in messages. */
    public static final String SOURCE = "<code>";

    /**
     * One bot as the builder was given it: by class (built by Guice) or as an instance ({@code className} its class).
     */
    public record BotSpec(
            String name, String account, String className, boolean instance, Schedule schedule, Set<Inbound> inbound) {
        public BotSpec {
            inbound = Set.copyOf(inbound);
        }
    }

    private final List<YamlProblem> problems = new ArrayList<>();

    private CodeConfig() {}

    /**
     * The configuration these sections make, the others at their defaults.
     *
     * @param environment the environment, or {@code null} for the one the app's name declares
     * @throws ConfigException listing every problem, if there is any
     */
    public static BridleConfig build(
            String appName,
            String purpose,
            Environment environment,
            boolean dryRun,
            StoreConfig store,
            SchedulerConfig scheduler,
            List<AccountConfig> accounts,
            List<BotSpec> bots,
            ClassLoader classLoader) {
        CodeConfig check = new CodeConfig();
        Environment env = check.environment(appName, environment);
        AppConfig app = check.app(appName, purpose, env);
        check.accounts(accounts);
        check.bots(bots, accounts, new ClassChecker(classLoader));
        if (!check.problems.isEmpty()) {
            throw new ConfigException(SOURCE, check.problems);
        }
        List<BotConfig> botConfigs = bots.stream()
                .map(b -> new BotConfig(b.name(), b.className(), b.account(), b.schedule(), b.inbound()))
                .toList();
        return new BridleConfig(
                SOURCE,
                env,
                app,
                dryRun,
                store,
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                scheduler,
                List.of(),
                accounts,
                botConfigs);
    }

    private void problem(String path, String message) {
        problems.add(new YamlProblem(SOURCE, 0, 0, path, message));
    }

    private Environment environment(String appName, Environment given) {
        if (given != null) {
            return given;
        }
        if (appName == null) {
            return Environment.DEV;
        }
        Optional<Environment> declared = Environment.declaredBy(appName);
        if (declared.isEmpty()) {
            problem(
                    "app.name",
                    Quoting.quote(appName) + " does not say which environment it is for, and none was given;"
                            + " expected a name with a dev, staging or prod label, like "
                            + Quoting.quote(appName + "-dev") + ", or environment(...)");
            return null;
        }
        return declared.get();
    }

    private AppConfig app(String name, String purpose, Environment environment) {
        if (name == null || name.isBlank()) {
            problem(
                    "app.name",
                    "is missing; expected the app's name, which says its environment, like \"acme-bots-dev\"");
            return null;
        }
        if (purpose == null || purpose.isBlank()) {
            problem("app.purpose", "is missing; expected what the app does, as declared to the platform");
            return null;
        }
        if (environment == null) {
            return null; // already reported: the name declares none
        }
        Optional<String> wrong = AppNameRule.check(name, environment);
        if (wrong.isPresent()) {
            problem("app.name", wrong.get());
            return null;
        }
        return new AppConfig(name, purpose);
    }

    private void accounts(List<AccountConfig> accounts) {
        Set<String> seen = new HashSet<>();
        for (AccountConfig account : accounts) {
            String path = "accounts." + account.handle();
            if (!AccountsReader.HANDLE.matcher(account.handle()).matches()) {
                problem(path, "is not a valid handle; expected " + AccountsReader.HANDLE_EXPECTED);
            } else if (!seen.add(account.handle().toLowerCase(Locale.ROOT))) {
                problem(path, "handle " + account.handle() + " is configured twice; expected each account once");
            }
        }
        long withCredentials =
                accounts.stream().filter(a -> a.credentials() != null).count();
        if (withCredentials > 0 && withCredentials < accounts.size()) {
            problem(
                    "accounts",
                    "some accounts have credentials and some have none; expected credentials for every account"
                            + " (to act on X) or for none (the built-in sandbox)");
        }
    }

    private void bots(List<BotSpec> bots, List<AccountConfig> accounts, ClassChecker classes) {
        Set<String> seen = new HashSet<>();
        for (BotSpec bot : bots) {
            String path = "bots." + bot.name();
            if (!BotsReader.NAME.matcher(bot.name()).matches()) {
                problem(path, "is not a valid bot name; expected " + BotsReader.NAME_EXPECTED);
            } else if (!seen.add(bot.name())) {
                problem(path, "bot " + bot.name() + " is configured twice; expected each bot name once");
            }
            if (accounts.stream().noneMatch(a -> a.handle().equalsIgnoreCase(bot.account()))) {
                problem(
                        path + ".account",
                        "acts as account " + Quoting.quote(bot.account()) + ", which is not configured; configured: "
                                + (accounts.isEmpty()
                                        ? "none"
                                        : String.join(
                                                ", ",
                                                accounts.stream()
                                                        .map(AccountConfig::handle)
                                                        .toList())));
            }
            if (!bot.instance()) {
                classes.problemWith(bot.className(), Bot.class).ifPresent(m -> problem(path + ".class", m));
            }
            if (bot.schedule() == null && bot.inbound().isEmpty()) {
                problem(
                        path,
                        "has neither a schedule nor inbound, so it would never run;"
                                + " expected a Schedule or Inbound.MENTIONS / Inbound.DIRECT_MESSAGES");
            }
        }
    }
}
