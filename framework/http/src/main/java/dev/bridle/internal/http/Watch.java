package dev.bridle.internal.http;

import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * The deadline of the exchange one worker thread is serving. When it passes while the thread waits on the client, the
 * {@link Watchdog} interrupts the thread: the JDK server reads from its socket channel in blocking mode, and an
 * interrupted blocking read closes the channel ({@link java.nio.channels.InterruptibleChannel}), which is the only way
 * to end a read the server gives no handle on. A thread is interrupted only while it does I/O on the connection, never
 * while a handler works ({@link #work()}): an interrupt there could close a database file.
 */
final class Watch {

    private static final long OFF = Long.MAX_VALUE;

    private final Thread thread;
    private final boolean overflow;
    private long deadline = OFF;
    /** Timed out or finished: no interrupt may come after this. */
    private boolean over;

    Watch(Thread thread, boolean overflow) {
        this.thread = thread;
        this.overflow = overflow;
    }

    /** Whether the exchange runs on the spare thread because every worker and the queue were taken. */
    boolean overflow() {
        return overflow;
    }

    /** I/O on the connection from now, for at most {@code timeout}. */
    synchronized void io(Duration timeout) {
        deadline = System.nanoTime() + timeout.toNanos();
    }

    /**
     * Work from now, which no deadline interrupts.
     *
     * @throws InterruptedIOException if the deadline passed already, so the connection is or will be closed
     */
    synchronized void work() throws InterruptedIOException {
        if (over || Thread.interrupted()) {
            over = true;
            throw new InterruptedIOException("the client took too long; its connection is closed");
        }
        deadline = OFF;
    }

    /** Interrupts the thread if its deadline passed at {@code now} ({@link System#nanoTime()}); whether it did. */
    synchronized boolean expire(long now) {
        if (over || deadline == OFF || now - deadline < 0) {
            return false;
        }
        over = true;
        thread.interrupt();
        return true;
    }

    /** The exchange is done: nothing interrupts the thread after this returns. */
    synchronized void end() {
        over = true;
    }
}
