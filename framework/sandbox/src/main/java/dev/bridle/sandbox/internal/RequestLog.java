package dev.bridle.sandbox.internal;

import dev.bridle.sandbox.SandboxRequest;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The API requests received, oldest first; bounded so a long standalone run does not grow without end. */
public final class RequestLog {
    static final int CAPACITY = 10_000;
    private final Deque<SandboxRequest> requests = new ArrayDeque<>();

    public synchronized void add(SandboxRequest request) {
        if (requests.size() == CAPACITY) {
            requests.pollFirst();
        }
        requests.addLast(request);
    }

    public synchronized List<SandboxRequest> all() {
        return List.copyOf(requests);
    }

    public synchronized void clear() {
        requests.clear();
    }
}
