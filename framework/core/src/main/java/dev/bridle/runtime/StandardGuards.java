package dev.bridle.runtime;

import dev.bridle.config.BridleConfig;
import dev.bridle.guard.AccountPauseGuard;
import dev.bridle.guard.ContentValidityGuard;
import dev.bridle.guard.DryRunGuard;
import dev.bridle.guard.EnvironmentGuard;
import dev.bridle.guard.Guard;
import dev.bridle.platform.AccountHealth;
import java.util.ArrayList;
import java.util.List;

/**
 * The guard chain in its fixed order: environment, account health (a paused account or a kind
 * over its daily limit stops here, before anything is reserved), opt-out, consent, content
 * validity, duplicates, throttles, and dry-run last so that a dry run consults every other guard first.
 */
final class StandardGuards {

    private StandardGuards() {
    }

    static List<Guard> chain(BridleConfig config, AccountHealth health, List<Guard> throttles) {
        List<Guard> guards = new ArrayList<>();
        guards.add(new EnvironmentGuard(config.app().name(), config.environment()));
        guards.add(new AccountPauseGuard(health));
        guards.add(new ContentValidityGuard());
        guards.addAll(throttles);
        if (config.dryRun()) {
            guards.add(new DryRunGuard());
        }
        return guards;
    }
}
