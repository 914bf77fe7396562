package dev.bridle.reliability;

import dev.bridle.bot.UserRef;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentEvent;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.optout.OptOutRecorded;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.optout.Trigger;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.sandbox.Sandbox;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The threads that opt users out while the senders send. A planned share of the users opts out, each once, half through
 * {@link OptOutRegistry#optOut} directly and half through the real inbound path (a STOP mention injected into the
 * sandbox, then polled, so that the keyword step records it and sends its one confirmation).
 *
 * <p>When they opt out is decided by two things, neither of them a clock: the senders' progress (user k of the plan
 * when k/(plan+1) of the actions are done), and the dispatcher's waits ({@link #duringWait}): when an action towards a
 * planned user waits to settle or to back off, that user is, with the configured probability, opted out right then, and
 * the wait lasts until the opt-out is acknowledged. That is the race the README's guarantee must survive: a STOP
 * recorded and confirmed while a send to that user is in doubt.
 *
 * <p>An acknowledgement's time is read after the call that recorded it returned (the registry), or after a database
 * read showed the opt-out (the inbound path, where the poll that recorded it may be another thread's): never before the
 * opt-out was durable.
 */
final class OptOutDriver implements AutoCloseable {

    /** How a planned user opts out. */
    enum Via {
        REGISTRY,
        MENTION
    }

    /** The longest a wait stays open for the opt-out it raced; past it the wait ends unraced (never a failure). */
    static final Duration RACE_DEADLINE = Duration.ofSeconds(30);

    private static final String STOP = "__stop__";

    private final BridleRuntime runtime;
    private final Sandbox sandbox;
    private final RaceLog log;
    private final List<String> accounts;
    private final Map<String, UserRef> plannedUsers;
    private final Map<String, Via> via = new ConcurrentHashMap<>();
    private final List<String> order;
    private final long totalActions;
    private final double raceShare;
    private final Random random;
    private final Map<String, CompletableFuture<Void>> started = new ConcurrentHashMap<>();
    private final LinkedBlockingDeque<String> registryJobs = new LinkedBlockingDeque<>();
    private final LinkedBlockingDeque<String> mentionJobs = new LinkedBlockingDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private int scheduled;

    /**
     * @param planned the users who opt out during the run, in the order progress reaches them
     * @param totalActions how many actions the senders make in all
     * @param raceShare the probability that a wait before a call to a planned user opts them out then
     */
    OptOutDriver(
            BridleRuntime runtime,
            Sandbox sandbox,
            RaceLog log,
            List<String> accounts,
            List<UserRef> planned,
            long totalActions,
            double raceShare,
            long seed) {
        this.runtime = runtime;
        this.sandbox = sandbox;
        this.log = log;
        this.accounts = List.copyOf(accounts);
        this.plannedUsers = new ConcurrentHashMap<>();
        this.order = new ArrayList<>();
        for (int i = 0; i < planned.size(); i++) {
            UserRef user = planned.get(i);
            plannedUsers.put(user.id(), user);
            via.put(user.id(), i % 2 == 0 ? Via.REGISTRY : Via.MENTION);
            order.add(user.id());
        }
        this.totalActions = totalActions;
        this.raceShare = raceShare;
        this.random = new Random(seed);
    }

    /** Starts two registry threads and one inbound thread (polls are serialised, as the poller's are). */
    OptOutDriver start() {
        for (int i = 0; i < 2; i++) {
            threads.add(worker("race-stop-registry-" + i, registryJobs, this::viaRegistry));
        }
        threads.add(worker("race-stop-mention", mentionJobs, this::viaMention));
        threads.forEach(Thread::start);
        return this;
    }

    /** The senders have finished {@code done} actions: opt out the planned users that progress has reached. */
    void progress(long done) {
        List<String> due = new ArrayList<>();
        synchronized (this) {
            while (scheduled < order.size() && done * (order.size() + 1) >= (long) (scheduled + 1) * totalActions) {
                due.add(order.get(scheduled++));
            }
        }
        due.forEach(user -> begin(user, false));
    }

    /**
     * The dispatcher waits before calling the platform again for an action towards {@code userId}. Returns what the
     * wait became, for the log.
     */
    String duringWait(String userId) throws InterruptedException {
        if (!plannedUsers.containsKey(userId)) {
            return "not raced: this user never opts out";
        }
        CompletableFuture<Void> ack = started.get(userId);
        if (ack == null) {
            boolean draw;
            synchronized (random) {
                draw = random.nextDouble() < raceShare;
            }
            if (!draw) {
                return "not raced: not drawn";
            }
            ack = begin(userId, true);
        }
        if (ack.isDone()) {
            return "not raced: opted out before the wait";
        }
        try {
            ack.get(RACE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            return "raced: the user's opt-out was acknowledged during this wait";
        } catch (TimeoutException e) {
            return "not raced: the opt-out took longer than " + RACE_DEADLINE;
        } catch (java.util.concurrent.ExecutionException e) {
            return "not raced: the opt-out failed (" + e.getCause() + ")";
        }
    }

    /** Starts {@code userId}'s opt-out once; returns its acknowledgement. */
    private CompletableFuture<Void> begin(String userId, boolean urgent) {
        CompletableFuture<Void> fresh = new CompletableFuture<>();
        CompletableFuture<Void> existing = started.putIfAbsent(userId, fresh);
        if (existing != null) {
            return existing;
        }
        LinkedBlockingDeque<String> jobs = via.get(userId) == Via.REGISTRY ? registryJobs : mentionJobs;
        if (urgent) {
            jobs.addFirst(userId);
        } else {
            jobs.addLast(userId);
        }
        return fresh;
    }

    private Thread worker(String name, LinkedBlockingDeque<String> jobs, java.util.function.Consumer<UserRef> work) {
        Thread t = new Thread(
                () -> {
                    try {
                        while (true) {
                            String userId = jobs.takeFirst();
                            if (userId.equals(STOP)) {
                                return;
                            }
                            try {
                                work.accept(plannedUsers.get(userId));
                                started.get(userId).complete(null);
                            } catch (RuntimeException | AssertionError e) {
                                errors.add(e);
                                started.get(userId).completeExceptionally(e);
                            }
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                name);
        t.setDaemon(true);
        return t;
    }

    private void viaRegistry(UserRef user) {
        OptOutRecorded recorded = runtime.optOuts()
                .optOut(
                        user.id(),
                        accounts.get(0),
                        Evidence.reference(Channel.API, "race test: STOP from @" + user.handle()),
                        Trigger.NONE);
        log.acknowledged(user.id(), user.handle(), "OptOutRegistry.optOut returned");
        if (!recorded.event().account().equals(ConsentEvent.ALL_ACCOUNTS)) {
            throw new IllegalStateException(
                    "the race test assumes opt-outs reach every account (optout.scope: operator), but @" + user.handle()
                            + "'s covers " + recorded.event().account());
        }
    }

    /** A STOP mention through the sandbox and the poller; acknowledged once the store shows it (never earlier). */
    private void viaMention(UserRef user) {
        String account = accounts.get(Math.floorMod(user.id().hashCode(), accounts.size()));
        sandbox.injectMention(user.handle(), account, "STOP");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            runtime.poller().pollMentions();
            var status = runtime.optOuts().status(user.id());
            if (accounts.stream().allMatch(status::suppressed)) {
                log.acknowledged(user.id(), user.handle(), "STOP mention to @" + account + " polled and recorded");
                return;
            }
        }
        throw new AssertionError("@" + user.handle() + "'s STOP mention to @" + account
                + " was polled for 30 s and never recorded as an opt-out on every account");
    }

    /** How each planned user opts out. */
    Via via(String userId) {
        return via.get(userId);
    }

    /** What went wrong in the opt-out threads (a STOP never recorded), for the test to fail on. */
    List<Throwable> errors() {
        return List.copyOf(errors);
    }

    /** Lets the queued opt-outs finish, then stops the threads. */
    @Override
    public void close() throws InterruptedException {
        registryJobs.addLast(STOP);
        registryJobs.addLast(STOP);
        mentionJobs.addLast(STOP);
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(60));
        }
    }
}
