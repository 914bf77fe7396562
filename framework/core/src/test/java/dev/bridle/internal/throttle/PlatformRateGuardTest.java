package dev.bridle.internal.throttle;

import dev.bridle.internal.ratelimit.PlatformLimits;

/** {@link PlatformWindowsContract} with the counts in memory, one node's own. */
class PlatformRateGuardTest extends PlatformWindowsContract {

    @Override
    PlatformLimits limits() {
        return PlatformLimits.inMemory(clock);
    }

    @Override
    boolean sharesWindows() {
        return false;
    }
}
