package dev.bridle.internal.runtime;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a runtime has opened, closed in the reverse order: the webhook and the scheduler (letting running handlers
 * finish) before the plan, the platform, the ledger and, last, the store they all use. A part that fails to close is
 * logged and the others are still closed.
 */
final class OpenResources implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(BridleRuntime.class);

    private final List<AutoCloseable> opened = new ArrayList<>();

    /** Keeps {@code resource} to be closed before everything opened earlier; returns it. */
    synchronized <T extends AutoCloseable> T track(T resource) {
        opened.add(resource);
        return resource;
    }

    @Override
    public synchronized void close() {
        for (int i = opened.size() - 1; i >= 0; i--) {
            try {
                opened.get(i).close();
            } catch (Exception e) {
                log.warn("closing {} failed", opened.get(i), e);
            }
        }
        opened.clear();
    }
}
