package dev.bridle.internal.runtime;

import dev.bridle.bot.Rule;
import dev.bridle.guard.Guard;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.consent.ConsentFinalCheck;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.guard.RequestStep;
import dev.bridle.internal.optout.OptOutFinalCheck;
import dev.bridle.internal.platform.HandleResolver;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.platform.Platform;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The decision plan, assembled in one place: the steps and guards every action passes, in order (the first refusal
 * wins), and the final checks made immediately before each platform call and each retry. {@link #describe()} is what
 * {@code bridle check} prints: each step, the rule it enforces, its latency budget.
 *
 * <p>The order: the @mentions are resolved first (they are targets like any other), then environment, account pause,
 * opt-out, consent, content validity, duplicates, the throttles, and dry run last, so that a dry run consults every
 * other guard ({@link StandardGuards}).
 */
final class DecisionPlan implements AutoCloseable {

    private final GuardChain chain;
    private final GuardChain finalChecks;

    private DecisionPlan(GuardChain chain, GuardChain finalChecks) {
        this.chain = chain;
        this.finalChecks = finalChecks;
    }

    /**
     * The plan for {@code config} from {@code rules}.
     *
     * @param handles resolves @mentions, through the connected platform
     * @param finalChecksHook a test's wrapping of the final checks; {@link UnaryOperator#identity()} in production
     */
    static DecisionPlan of(
            BridleConfig config,
            PlanRules rules,
            HandleResolver handles,
            Clock clock,
            UnaryOperator<List<Guard>> finalChecksHook) {
        GuardChain chain = new GuardChain(
                List.of(new MentionStep(handles)),
                StandardGuards.chain(
                        config,
                        new StandardGuards.Parts(
                                rules.health,
                                rules.optOuts,
                                rules.consents,
                                rules.duplicates,
                                rules.throttles.guards()),
                        clock));
        GuardChain finalChecks = new GuardChain(finalChecksHook.apply(
                List.of(new OptOutFinalCheck(rules.optOuts), new ConsentFinalCheck(rules.consents, clock))));
        return new DecisionPlan(chain, finalChecks);
    }

    /**
     * The plan {@code config} makes, as {@link #describe()} prints it, assembled on a scratch in-memory store: nothing
     * is read from or written to the configured store, and no platform is called.
     */
    static List<String> describe(BridleConfig config) {
        StoreConfig scratch = new StoreConfig("jdbc:h2:mem:bridle-plan-" + UUID.randomUUID(), null, null);
        try (Database database = Database.open(scratch)) {
            database.migrate();
            Clock clock = Clock.systemUTC();
            PlanRules rules = PlanRules.open(config, database, clock, ContactSettings.of(config), true);
            try (DecisionPlan plan =
                    of(config, rules, new HandleResolver(noPlatform(), clock), clock, UnaryOperator.identity())) {
                return plan.describe();
            }
        }
    }

    /** The chain every action passes. */
    GuardChain chain() {
        return chain;
    }

    /** The checks made immediately before each platform call. */
    GuardChain finalChecks() {
        return finalChecks;
    }

    /** The plan for people: each step in order with its rule and budget, then the final checks. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("Decision plan: every action passes these in order; the first refusal wins, and a step that"
                + " cannot decide within its budget denies (fail closed).");
        int n = 1;
        for (RequestStep step : chain.steps()) {
            lines.add(line(n++, "step", step.name(), step.rule(), step.budget()));
        }
        for (Guard guard : chain.guards()) {
            lines.add(line(n++, "guard", guard.name(), guard.rule(), guard.budget()));
        }
        lines.add("Final checks, read from the store immediately before every platform call and every retry:");
        n = 1;
        for (Guard check : finalChecks.guards()) {
            lines.add(line(n++, "check", check.name(), check.rule(), check.budget()));
        }
        return lines;
    }

    private static String line(int n, String kind, String name, Optional<Rule> rule, Duration budget) {
        return String.format(
                "  %2d. %-5s %-26s %-26s %6d ms",
                n, kind, name, rule.map(Rule::name).orElse("-"), budget.toMillis());
    }

    /** A platform no describing plan may call: resolving a mention would mean the plan was run, not printed. */
    private static Platform noPlatform() {
        return (Platform) Proxy.newProxyInstance(
                Platform.class.getClassLoader(), new Class<?>[] {Platform.class}, (proxy, method, args) -> {
                    throw new IllegalStateException("a plan being described called the platform: " + method.getName());
                });
    }

    @Override
    public void close() {
        try {
            chain.close();
        } finally {
            finalChecks.close();
        }
    }
}
