package dev.bridle.internal.schedule;

/** The scheduler could not do what it was asked: its store failed, or a schedule is invalid. */
public final class SchedulingException extends RuntimeException {

    SchedulingException(String message, Throwable cause) {
        super(message, cause);
    }

    SchedulingException(String message) {
        super(message);
    }
}
