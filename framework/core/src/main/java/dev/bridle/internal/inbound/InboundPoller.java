package dev.bridle.internal.inbound;

import dev.bridle.bot.Account;
import dev.bridle.config.InboundSettings;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls each account's mentions and direct messages and hands new ones to the {@link InboundRouter}.
 *
 * <p><b>One node at a time.</b> Before each read the poller holds the account's lease for that kind
 * ({@link PollLeases}); when another node holds it, this node skips the round, so the platform sees one read per
 * interval per account however many nodes run.
 *
 * <p><b>Nothing skipped.</b> Messages come oldest first. The cursor (stored, shared by the nodes) moves past a message
 * only once it and every older one read with it are settled: handled, recorded as failed for good, or the operator's
 * own. A message a live node is still handling, or whose step failed and will be tried again, holds the cursor back, so
 * it is read again next round, and so is one claimed by a node that died mid-way or a process that crashed, which the
 * router's claim then hands to this node ({@link InboundClaims}). Newer messages read in the same round are handled at
 * once; when read again they are recognised by their claims.
 *
 * <p>The intervals keep well inside the platform's read limits: mentions 300 requests per 15 minutes per user and
 * direct-message events 15 per 15 minutes (X API v2 rate limits).
 */
public final class InboundPoller implements AutoCloseable {

    /** Mentions every 15 s is 60 requests per 15 minutes, a fifth of the per-user limit. */
    public static final Duration DEFAULT_MENTIONS_EVERY = InboundSettings.DEFAULT_POLL_MENTIONS_EVERY;
    /** Direct messages every 60 s is 15 requests per 15 minutes, the per-user limit exactly. */
    public static final Duration DEFAULT_MESSAGES_EVERY = InboundSettings.DEFAULT_POLL_DIRECT_MESSAGES_EVERY;
    /** The most often mentions may be read: 300 requests per 15 minutes per user is one every 3 s. */
    public static final Duration MIN_MENTIONS_EVERY = Duration.ofSeconds(3);
    /** The most often direct messages may be read: 15 requests per 15 minutes per user is one a minute. */
    public static final Duration MIN_MESSAGES_EVERY = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(InboundPoller.class);

    private final Platform platform;
    private final InboundLog inboundLog;
    private final InboundRouter router;
    private final List<Account> accounts;
    private final PollLeases leases;
    private ScheduledExecutorService timer;

    public InboundPoller(
            Platform platform,
            InboundLog inboundLog,
            InboundRouter router,
            Collection<Account> accounts,
            PollLeases leases) {
        this.platform = platform;
        this.inboundLog = inboundLog;
        this.router = router;
        this.accounts = List.copyOf(accounts);
        this.leases = leases;
    }

    /**
     * Polls the mentions of every account whose lease this node holds, once; returns how many new messages were
     * handled.
     */
    public int pollMentions() {
        int handled = 0;
        for (Account account : accounts) {
            handled += poll(account, InboundEvent.Kind.MENTION);
        }
        return handled;
    }

    /**
     * Polls the direct messages of every account whose lease this node holds, once; returns how many new messages were
     * handled.
     */
    public int pollDirectMessages() {
        int handled = 0;
        for (Account account : accounts) {
            handled += poll(account, InboundEvent.Kind.DIRECT_MESSAGE);
        }
        return handled;
    }

    private int poll(Account account, InboundEvent.Kind kind) {
        if (!leases.hold(account.handle(), kind)) {
            return 0; // another node polls it
        }
        String since = inboundLog.cursor(account.handle(), kind).orElse(null);
        List<? extends InboundEvent> events;
        try {
            events = kind == InboundEvent.Kind.MENTION
                    ? platform.mentionsSince(account, since).stream()
                            .map(m -> new InboundEvent.MentionEvent(account, m))
                            .toList()
                    : platform.directMessagesSince(account, since).stream()
                            .map(d -> new InboundEvent.MessageEvent(account, d))
                            .toList();
        } catch (PlatformException e) {
            log.warn(
                    "could not read {}s of @{}: {}",
                    kind.name().toLowerCase(java.util.Locale.ROOT),
                    account.handle(),
                    e.getMessage());
            return 0;
        }
        int handled = 0;
        String cursor = since;
        boolean settledSoFar = true;
        for (InboundEvent event : events) {
            InboundRouter.Delivery delivery = router.deliver(event);
            if (delivery == InboundRouter.Delivery.HANDLED) {
                handled++;
            }
            settledSoFar &= delivery.settled();
            if (settledSoFar && (cursor == null || newer(event.id(), cursor))) {
                cursor = event.id();
                inboundLog.advance(account.handle(), kind, cursor);
            }
        }
        return handled;
    }

    /** Platform ids are snowflakes: a longer one is newer, and equal lengths compare as numbers. */
    static boolean newer(String id, String than) {
        return new BigInteger(id).compareTo(new BigInteger(than)) > 0;
    }

    /** Starts polling on a background thread at the given intervals. */
    public synchronized void start(Duration mentionsEvery, Duration messagesEvery) {
        if (timer != null) {
            return;
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridle-inbound");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(guarded(this::pollMentions), 0, mentionsEvery.toMillis(), TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(
                guarded(this::pollDirectMessages), 0, messagesEvery.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Runnable guarded(Runnable poll) {
        return () -> {
            try {
                poll.run();
            } catch (RuntimeException e) {
                // a failed round must not cancel the schedule; what it left unsettled is read again
                log.error("inbound polling failed: {}; trying again next round", e.getMessage());
                log.debug("the failed round of inbound polling", e);
            }
        };
    }

    /** Stops polling and gives up this node's leases, so another node polls at its next round. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            timer = null;
        }
        leases.releaseAll();
    }
}
