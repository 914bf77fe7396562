package dev.bridle.bench.e2e;

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
import java.util.Optional;

/**
 * The real adapter, with the moments each {@link #perform} began and ended noted for the calling thread: that splits
 * one guarded action into before the send (chain, durable decision, final check), the send, and after it (reservations
 * settled, outcome recorded), without touching Bridle.
 */
final class TimedPlatform implements Platform, AutoCloseable {

    /** [perform began, perform ended], System.nanoTime, of the last call on this thread. */
    static final ThreadLocal<long[]> LAST = ThreadLocal.withInitial(() -> new long[2]);

    private final Platform delegate;

    TimedPlatform(Platform delegate) {
        this.delegate = delegate;
    }

    @Override
    public PlatformReceipt perform(ActionRequest request) throws PlatformException {
        long[] at = LAST.get();
        at[0] = System.nanoTime();
        try {
            return delegate.perform(request);
        } finally {
            at[1] = System.nanoTime();
        }
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

    @Override
    public Optional<String> findApplied(ActionTrace trace) throws PlatformException {
        return delegate.findApplied(trace);
    }

    @Override
    public void close() throws Exception {
        if (delegate instanceof AutoCloseable c) {
            c.close();
        }
    }
}
