package dev.bridle.internal.guard;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.config.Environment;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import java.util.Optional;

/**
 * Keeps development, staging and production apart (rule {@link Rule#SEPARATE_ENVIRONMENTS}): an app whose name says
 * {@code dev} or {@code staging} may not act in {@code prod}, and the reverse. An app name that declares no environment
 * is denied too, since the guard cannot tell. Configuration checks the same at start-up; this guard holds even when a
 * runtime is built in code.
 */
public final class EnvironmentGuard implements Guard {

    private final String appName;
    private final Environment environment;
    private final Optional<Environment> declared;

    public EnvironmentGuard(String appName, Environment environment) {
        this.appName = appName;
        this.environment = environment;
        this.declared = Environment.declaredBy(appName);
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.SEPARATE_ENVIRONMENTS);
    }

    @Override
    public String name() {
        return "environment";
    }

    @Override
    public Verdict check(ActionRequest request) {
        if (declared.isEmpty()) {
            return Verdict.deny(
                    ReasonCode.ENVIRONMENT_MISMATCH,
                    "app name '" + appName + "' does not say which environment it is for (dev, staging or prod)");
        }
        if (declared.get() != environment) {
            return Verdict.deny(
                    ReasonCode.ENVIRONMENT_MISMATCH,
                    "app '" + appName + "' is a " + declared.get() + " app but is running as " + environment);
        }
        return Verdict.allow();
    }
}
