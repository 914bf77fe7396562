package dev.bridle.internal.http;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor the JDK server hands each exchange to, header reading included: a fixed pool of workers with a bounded
 * queue, one spare thread that answers 503 when both are full, and a {@link Watch} on every exchange. When the spare is
 * busy too, the task is refused, and the JDK server closes that connection ({@code ServerImpl.Dispatcher.handle}
 * catches the refusal).
 */
final class BoundedExecutor implements Executor {

    private final HttpLimits limits;
    private final Watchdog watchdog;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor spare;

    BoundedExecutor(HttpLimits limits, String name) {
        this.limits = limits;
        this.watchdog = new Watchdog(limits, name);
        BlockingQueue<Runnable> queue =
                limits.queue() == 0 ? new SynchronousQueue<>() : new ArrayBlockingQueue<>(limits.queue());
        this.workers = pool(limits.workers(), queue, name);
        this.spare = pool(1, new SynchronousQueue<>(), name + "-busy");
    }

    private static ThreadPoolExecutor pool(int threads, BlockingQueue<Runnable> queue, String name) {
        AtomicInteger n = new AtomicInteger();
        return new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.MILLISECONDS,
                queue,
                r -> {
                    Thread t = new Thread(r, name + "-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                },
                new ThreadPoolExecutor.AbortPolicy());
    }

    @Override
    public void execute(Runnable exchange) {
        try {
            workers.execute(() -> serve(exchange, false));
        } catch (RejectedExecutionException full) {
            spare.execute(() -> serve(exchange, true));
        }
    }

    private void serve(Runnable exchange, boolean overflow) {
        Watch watch = new Watch(Thread.currentThread(), overflow);
        watch.io(limits.headerTimeout());
        watchdog.add(watch);
        Deadline.CURRENT.set(new Deadline.Exchange(watch, limits));
        try {
            exchange.run();
        } finally {
            watch.end();
            watchdog.remove(watch);
            Deadline.CURRENT.remove();
            // An interrupt that came just before end() is spent: the next exchange starts clean.
            Thread.interrupted();
        }
    }

    /**
     * Exchanges a worker runs or the queue holds (the pool's counts, exact when no exchange starts or ends meanwhile).
     */
    int pending() {
        return workers.getActiveCount() + workers.getQueue().size();
    }

    /**
     * Stops taking exchanges and waits up to {@code waitMillis} for those running; then interrupts what is left (after
     * the JDK server closed every connection, only handlers' work is).
     */
    void close(long waitMillis) {
        workers.shutdown();
        spare.shutdown();
        try {
            if (!workers.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
            }
            spare.awaitTermination(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            workers.shutdownNow();
            spare.shutdownNow();
            watchdog.close();
        }
    }
}
