package dev.bridle.internal.throttle;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** {@link AnsweredInteractions} in memory: forgotten at exit, so for tests and throwaway runs only. */
public final class InMemoryAnsweredInteractions implements AnsweredInteractions {

    private final ConcurrentMap<String, UUID> claims = new ConcurrentHashMap<>();

    @Override
    public boolean claim(String inboundId, UUID requestId, String account, Instant at) {
        return claims.computeIfAbsent(inboundId, k -> requestId).equals(requestId);
    }

    @Override
    public void unclaim(String inboundId, UUID requestId) {
        claims.remove(inboundId, requestId);
    }
}
