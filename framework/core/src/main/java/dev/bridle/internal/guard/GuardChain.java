package dev.bridle.internal.guard;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the plan's steps ({@link RequestStep}, which complete the request, such as resolving @mentions to users) and
 * then its guards, in a fixed order; the first verdict that is not an allow wins.
 *
 * <p>Fails closed: a guard that throws, returns {@code null}, or runs past its budget makes the chain deny with
 * {@link ReasonCode#GUARD_UNAVAILABLE}, naming the guard; so does a step.
 *
 * <p>When a guard denies or defers, every {@link ReservingGuard} consulted before it (and the refusing guard itself) is
 * released, so a refused action takes nothing; guards after it, which never saw the action, are left alone. Guard names
 * must be unique within a chain. After an allow, the caller settles the reservations with {@link #confirm} or
 * {@link #release}. The guards run on one worker thread per evaluation so that a guard stuck on a dead store cannot
 * hold the caller past its budget; the caller waits on each guard's deadline in turn.
 */
public final class GuardChain implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(GuardChain.class);

    private final List<RequestStep> steps;
    private final List<Guard> guards;
    private final ExecutorService worker;
    private final LongSupplier nanoTime;

    /** A chain of {@code guards}, run in list order. */
    public GuardChain(List<Guard> guards) {
        this(List.of(), guards);
    }

    /** A chain of {@code steps} and then {@code guards}, each run in list order. */
    public GuardChain(List<RequestStep> steps, List<Guard> guards) {
        this(steps, guards, System::nanoTime);
    }

    GuardChain(List<Guard> guards, LongSupplier nanoTime) {
        this(List.of(), guards, nanoTime);
    }

    GuardChain(List<RequestStep> steps, List<Guard> guards, LongSupplier nanoTime) {
        this.steps = List.copyOf(steps);
        this.guards = List.copyOf(guards);
        this.nanoTime = nanoTime;
        AtomicInteger n = new AtomicInteger();
        this.worker = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "bridle-guard-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** The steps, in the order they run, before the guards. */
    public List<RequestStep> steps() {
        return steps;
    }

    /** The guards, in the order they run. */
    public List<Guard> guards() {
        return guards;
    }

    /**
     * Decides about {@code request}; never throws, never waits much past the running step's or guard's budget. The
     * decision carries the request as the steps completed it: that is the one to record, send, confirm and release.
     */
    public Decision evaluate(ActionRequest request) {
        Decision decision = decide(request);
        if (!decision.allows() && !refusedByAStep(decision)) {
            releaseThrough(decision.requestOr(request), decision.guard());
        }
        return decision;
    }

    /** A step refused before any guard saw the request: no guard has anything to give back. */
    private boolean refusedByAStep(Decision decision) {
        return steps.stream().anyMatch(s -> s.name().equals(decision.guard()));
    }

    /**
     * Releases the reserving guards consulted for a refused request: those before the refusing guard, and the refusing
     * guard itself (it may have reserved before it gave up, or be still running after its budget). Guards after it
     * never saw the request; releasing there would make them refuse it when it comes back later (a deferred action's
     * run).
     */
    private void releaseThrough(ActionRequest request, String lastConsulted) {
        for (Guard guard : guards) {
            if (guard instanceof ReservingGuard reserving) {
                try {
                    reserving.release(request);
                } catch (RuntimeException e) {
                    log.error("guard {} could not release the reservation of {}", guard.name(), request.requestId(), e);
                }
            }
            if (guard.name().equals(lastConsulted)) {
                return;
            }
        }
    }

    /**
     * Settles the reservations of an allowed request that was sent ({@code platformId}) or is in doubt ({@code null}).
     */
    public void confirm(ActionRequest request, String platformId) {
        for (Guard guard : guards) {
            if (guard instanceof ReservingGuard reserving) {
                try {
                    reserving.confirm(request, platformId);
                } catch (RuntimeException e) {
                    log.error("guard {} could not confirm the reservation of {}", guard.name(), request.requestId(), e);
                }
            }
        }
    }

    /** Gives back the reservations of a request that was not sent. Safe to call more than once. */
    public void release(ActionRequest request) {
        for (Guard guard : guards) {
            if (guard instanceof ReservingGuard reserving) {
                try {
                    reserving.release(request);
                } catch (RuntimeException e) {
                    log.error("guard {} could not release the reservation of {}", guard.name(), request.requestId(), e);
                }
            }
        }
    }

    private Decision decide(ActionRequest request) {
        Progress progress = new Progress();
        Future<Decision> result;
        try {
            result = worker.submit(() -> runAll(request, progress));
        } catch (RejectedExecutionException e) {
            return unavailable(null, "the guard chain is shut down");
        }
        try {
            return await(result, progress);
        } catch (InterruptedException e) {
            progress.abandon();
            Thread.currentThread().interrupt();
            return unavailable(progress.current(), "was interrupted");
        }
    }

    private Decision await(Future<Decision> result, Progress progress) throws InterruptedException {
        while (true) {
            Running running = progress.running;
            long waitNanos = running == null
                    ? TimeUnit.MILLISECONDS.toNanos(10)
                    : running.startedNanos + running.budget.toNanos() - nanoTime.getAsLong();
            if (waitNanos <= 0 && running == progress.running) {
                progress.abandon();
                return unavailable(running.name, "did not answer within its budget of " + millis(running.budget));
            }
            try {
                return result.get(Math.max(waitNanos, 0), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                // the running guard may have changed meanwhile; check its own deadline
            } catch (ExecutionException e) {
                return unavailable(progress.current(), "failed: " + describe(e.getCause()));
            }
        }
    }

    private Decision runAll(ActionRequest given, Progress progress) {
        ActionRequest request = given;
        for (RequestStep step : steps) {
            if (progress.abandoned) {
                return null;
            }
            long started = nanoTime.getAsLong();
            progress.running = new Running(step.name(), step.budget(), started);
            RequestStep.Outcome outcome;
            try {
                outcome = step.apply(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unavailable(step.name(), "was interrupted");
            } catch (Exception | LinkageError e) {
                log.warn("step {} failed on request {}; denying", step.name(), request.requestId(), e);
                return unavailable(step.name(), "failed: " + describe(e));
            }
            if (progress.abandoned) {
                return null;
            }
            if (outcome == null) {
                return unavailable(step.name(), "returned no outcome");
            }
            if (nanoTime.getAsLong() - started > step.budget().toNanos()) {
                return unavailable(step.name(), "answered after its budget of " + millis(step.budget()));
            }
            if (outcome instanceof RequestStep.Outcome.Refused refused) {
                return new Decision(refused.verdict(), step.name(), changed(request, given));
            }
            request = ((RequestStep.Outcome.Completed) outcome).request();
        }
        for (Guard guard : guards) {
            if (progress.abandoned) {
                return null; // the caller has denied already; later guards must not reserve anything
            }
            long started = nanoTime.getAsLong();
            progress.running = new Running(guard.name(), guard.budget(), started);
            Verdict verdict;
            try {
                verdict = guard.check(request);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return unavailable(guard.name(), "was interrupted");
            } catch (Exception | LinkageError e) {
                log.warn("guard {} failed on request {}; denying", guard.name(), request.requestId(), e);
                return unavailable(guard.name(), "failed: " + describe(e));
            }
            long took = nanoTime.getAsLong() - started;
            if (progress.abandoned) {
                // the caller gave up on this guard and has released it already; what it took late goes back
                if (guard instanceof ReservingGuard reserving) {
                    reserving.release(request);
                }
                return null;
            }
            if (verdict == null) {
                return unavailable(guard.name(), "returned no verdict");
            }
            if (took > guard.budget().toNanos()) {
                return unavailable(guard.name(), "answered after its budget of " + millis(guard.budget()));
            }
            if (!verdict.allows()) {
                return new Decision(verdict, guard.name(), changed(request, given));
            }
        }
        return request == given ? Decision.allowed() : new Decision(Verdict.ALLOW, null, request);
    }

    private static ActionRequest changed(ActionRequest request, ActionRequest given) {
        return request == given ? null : request;
    }

    private static Decision unavailable(String step, String what) {
        String name = step == null ? "guard-chain" : step;
        return new Decision(
                Verdict.deny(
                        ReasonCode.GUARD_UNAVAILABLE,
                        "guard " + name + " " + what + "; denied because Bridle fails closed"),
                name);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String millis(Duration d) {
        return d.toMillis() + " ms";
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private record Running(String name, Duration budget, long startedNanos) {}

    private static final class Progress {
        volatile Running running;
        volatile boolean abandoned;

        /**
         * The caller stops waiting. The worker is not interrupted: a guard interrupted inside file I/O can close the
         * embedded database's file under every other user; it finishes, its late reservation is given back, and no
         * later guard runs.
         */
        void abandon() {
            abandoned = true;
        }

        String current() {
            Running r = running;
            return r == null ? null : r.name;
        }
    }
}
