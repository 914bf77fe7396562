package dev.bridle.internal.throttle;

/** {@link PlatformWindowsContract} with the windows in memory, one node's own. */
class PlatformRateGuardTest extends PlatformWindowsContract {

    @Override
    PlatformWindows windows() {
        return new LocalPlatformWindows();
    }

    @Override
    boolean sharesWindows() {
        return false;
    }
}
