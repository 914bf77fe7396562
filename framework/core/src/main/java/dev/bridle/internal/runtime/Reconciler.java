package dev.bridle.internal.runtime;

import dev.bridle.platform.ActionTrace;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import java.time.Duration;
import java.util.Optional;

/**
 * Asks the platform whether an action in doubt took effect. It never sends anything: deciding to retry is
 * {@link InDoubtSettling}'s, and after a crash ({@link InDoubtRecovery}) nothing is retried at all.
 */
final class Reconciler {

    /** How far the platform's clock may be behind ours: what it records can predate our decision by this much. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    /** What the platform shows. */
    sealed interface Finding {
        /** It took effect, as {@code platformId}. */
        record Applied(String platformId) implements Finding {}

        /** It certainly did not take effect. */
        record NotApplied() implements Finding {}

        /** The platform could not tell; the action stays in doubt. */
        record Unknown(String why) implements Finding {}
    }

    private final Platform platform;

    Reconciler(Platform platform) {
        this.platform = platform;
    }

    Finding check(ActionTrace trace) {
        try {
            Optional<String> found = platform.findApplied(trace);
            if (found == null) {
                return new Finding.Unknown("the platform gave no answer");
            }
            return found.<Finding>map(Finding.Applied::new).orElseGet(Finding.NotApplied::new);
        } catch (PlatformException | RuntimeException e) {
            return new Finding.Unknown(Errors.describe(e));
        }
    }
}
