package dev.bridle.internal.inbound;

/**
 * One step inbound messages pass before bots see them, such as opt-out keywords. A step that consumes a message (a
 * STOP, a HELP) keeps it from the bots.
 */
public interface InboundStep {

    /** What a step did with a message. */
    enum Outcome {
        /** Hand the message on to the next step and then to the bots. */
        CONTINUE,
        /** The step dealt with it; no bot sees it. */
        CONSUMED
    }

    /** Handles {@code event}; a throw stops the message here and is logged (fail closed). */
    Outcome handle(InboundEvent event) throws Exception;
}
