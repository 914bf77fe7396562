package dev.bridle.bot;

import java.time.Instant;
import java.util.Objects;

/**
 * What happened to one guarded action: {@link Sent}, {@link Denied}, {@link Deferred} or {@link Failed}. Test for the
 * one you care about, or use the shortcuts:
 *
 * <pre>{@code
 * ActionResult r = ctx.actions().post(text);
 * if (r instanceof ActionResult.Sent sent) {
 *     ctx.state().put("last-post", sent.platformId());
 * } else if (!r.sent()) {
 *     ctx.log().info("not posted: {}", r.reason());
 * }
 * }</pre>
 */
public sealed interface ActionResult {

    /** The platform accepted the action. */
    record Sent(String platformId) implements ActionResult {
        public Sent {
            Objects.requireNonNull(platformId, "platformId");
        }

        @Override
        public String reason() {
            return "sent (" + platformId + ")";
        }
    }

    /**
     * A guard refused the action; nothing was sent.
     *
     * @param code what refused it
     * @param rule the platform rule or Bridle guarantee the refusal enforces
     * @param message a sentence for people, naming the user, post or limit involved
     */
    record Denied(ReasonCode code, Rule rule, String message) implements ActionResult {
        public Denied {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String reason() {
            return code + ": " + message;
        }
    }

    /**
     * The action is allowed later, not now (a throttle or a platform rate limit); nothing was sent yet.
     *
     * @param until the earliest time it may go
     * @param code what deferred it
     * @param message a sentence for people
     * @param rescheduled whether Bridle will try it again by itself at {@code until} (the bot's {@code onThrottle:
     *     defer}, the default), passing every guard again then; if not ({@code onThrottle: drop}), it is dropped and
     *     the bot may ask again after {@code until}
     */
    record Deferred(Instant until, ReasonCode code, String message, boolean rescheduled) implements ActionResult {
        public Deferred {
            Objects.requireNonNull(until, "until");
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }

        /** A deferral Bridle does not retry by itself. */
        public Deferred(Instant until, ReasonCode code, String message) {
            this(until, code, message, false);
        }

        @Override
        public String reason() {
            String when = until.getNano() == 0
                    ? until.toString()
                    : until.plusSeconds(1)
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                            .toString();
            return code + ": " + message
                    + (rescheduled ? " (will be tried again then)" : " (dropped; allowed again from " + when + ")");
        }
    }

    /**
     * The guards allowed the action but the platform call failed; the ledger says whether it may have taken effect, and
     * Bridle reconciles before any retry.
     */
    record Failed(String error) implements ActionResult {
        public Failed {
            Objects.requireNonNull(error, "error");
        }

        @Override
        public String reason() {
            return "failed: " + error;
        }
    }

    /** One line for people: what happened and why. */
    String reason();

    /** Whether the platform accepted the action. */
    default boolean sent() {
        return this instanceof Sent;
    }

    /** Whether a guard refused the action. */
    default boolean denied() {
        return this instanceof Denied;
    }

    /** Whether the action was put off until later. */
    default boolean deferred() {
        return this instanceof Deferred;
    }

    /**
     * Whether Bridle will try the action again by itself: it was deferred and queued ({@link Deferred#rescheduled}). A
     * bot that asks again for a queued action would send it twice, so treat it as handed over.
     */
    default boolean queued() {
        return this instanceof Deferred d && d.rescheduled();
    }

    /** Whether the platform call failed. */
    default boolean failed() {
        return this instanceof Failed;
    }
}
