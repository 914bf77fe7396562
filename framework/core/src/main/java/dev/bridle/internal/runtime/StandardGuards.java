package dev.bridle.internal.runtime;

import dev.bridle.guard.Guard;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.consent.ConsentGuard;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.dedupe.DuplicateGuard;
import dev.bridle.internal.guard.ContentValidityGuard;
import dev.bridle.internal.guard.DryRunGuard;
import dev.bridle.internal.guard.EnvironmentGuard;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.health.AccountPauseGuard;
import dev.bridle.internal.optout.OptOutGuard;
import dev.bridle.internal.optout.OptOutRegistry;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The guard chain in its fixed order: environment, account pause (an account the platform refused or over its daily
 * limit stops here, before anything is reserved), opt-out, consent, content validity, duplicates, throttles, and
 * dry-run last so that a dry run consults every other guard first.
 */
final class StandardGuards {

    /** The stores and guards the chain is made from. */
    record Parts(
            AccountHealth health,
            OptOutRegistry optOuts,
            ConsentRegistry consents,
            DuplicateGuard duplicates,
            List<Guard> throttles) {}

    private StandardGuards() {}

    static List<Guard> chain(BridleConfig config, Parts parts, Clock clock) {
        List<Guard> guards = new ArrayList<>();
        guards.add(new EnvironmentGuard(config.app().name(), config.environment()));
        guards.add(new AccountPauseGuard(parts.health()));
        guards.add(new OptOutGuard(parts.optOuts()));
        guards.add(new ConsentGuard(parts.consents(), clock));
        guards.add(new ContentValidityGuard());
        guards.add(parts.duplicates());
        guards.addAll(parts.throttles());
        if (config.dryRun()) {
            guards.add(new DryRunGuard());
        }
        return guards;
    }
}
