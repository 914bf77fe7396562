package dev.bridle.reliability;

import dev.bridle.bot.Account;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionRequest;
import dev.bridle.platform.ActionTrace;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformReceipt;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real platform adapter with every call recorded in the {@link RaceLog}: when each call for a request began and
 * ended, and when the dispatcher asked whether one took effect. It remembers, per thread, the request of the last call,
 * so that the test's wait ({@link RaceWindow}) knows whose settle wait it stands in for.
 *
 * <p>It also refuses a share of calls itself, before they reach the sandbox, as a refused connection would
 * ({@code NOT_APPLIED}): the sandbox cannot refuse a connection while it listens, and this is the fault that makes the
 * dispatcher retry with backoff.
 */
final class RecordingPlatform implements Platform {

    private static final ThreadLocal<ActionRequest> CURRENT = new ThreadLocal<>();

    private final Platform delegate;
    private final RaceLog log;
    private final double refusedShare;
    private final Random random;
    private final Map<UUID, Integer> attempts = new ConcurrentHashMap<>();

    RecordingPlatform(Platform delegate, RaceLog log, double refusedShare, long seed) {
        this.delegate = delegate;
        this.log = log;
        this.refusedShare = refusedShare;
        this.random = new Random(seed);
    }

    /** The request of this thread's last platform call, or {@code null}. */
    static ActionRequest current() {
        return CURRENT.get();
    }

    @Override
    public PlatformReceipt perform(ActionRequest request) throws PlatformException {
        CURRENT.set(request);
        int attempt = attempts.merge(request.requestId(), 1, Integer::sum);
        log.callBegan(request, attempt);
        if (refuse()) {
            log.callEnded(request.requestId(), attempt, "NOT_APPLIED (connection refused, injected by the test)");
            throw new PlatformException(
                    PlatformException.Kind.NOT_APPLIED,
                    "connection refused (injected by the race test before the sandbox)");
        }
        try {
            PlatformReceipt receipt = delegate.perform(request);
            log.callEnded(request.requestId(), attempt, "SENT " + receipt.platformId());
            return receipt;
        } catch (PlatformException e) {
            log.callEnded(request.requestId(), attempt, e.kind() + " (" + e.getMessage() + ")");
            throw e;
        } catch (RuntimeException e) {
            log.callEnded(request.requestId(), attempt, "threw " + e);
            throw e;
        }
    }

    private boolean refuse() {
        synchronized (random) {
            return random.nextDouble() < refusedShare;
        }
    }

    @Override
    public Optional<String> findApplied(ActionTrace trace) throws PlatformException {
        ActionRequest current = CURRENT.get();
        boolean same = current != null && current.kind() == trace.kind() && trace.sameText(current.text());
        log.reconciled(same ? current.requestId() : null);
        return delegate.findApplied(trace);
    }

    @Override
    public List<Mention> mentionsSince(Account account, String sinceId) throws PlatformException {
        return delegate.mentionsSince(account, sinceId);
    }

    @Override
    public List<DirectMessage> directMessagesSince(Account account, String sinceId) throws PlatformException {
        return delegate.directMessagesSince(account, sinceId);
    }

    @Override
    public Optional<UserRef> lookupHandle(Account account, String handle) throws PlatformException {
        return delegate.lookupHandle(account, handle);
    }

    @Override
    public Account verifyCredentials(Account account) throws PlatformException {
        return delegate.verifyCredentials(account);
    }
}
