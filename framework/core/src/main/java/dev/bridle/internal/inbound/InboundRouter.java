package dev.bridle.internal.inbound;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every inbound message goes, whether it was polled or pushed by a webhook: claimed once ({@link InboundClaims}),
 * passed through the {@link InboundStep}s (opt-out keywords first), then handed to the bots that handle that kind of
 * message on that account, and recorded as handled.
 *
 * <p>A step that throws stops the message there (no bot sees what the opt-out step could not decide: fail closed), and
 * the message is recorded as failed with the reason, logged once at error level (the stack trace at debug), and tried
 * again when it is seen again, up to {@link InboundClaims#MAX_ATTEMPTS} tries. A bot that throws is the bot's own
 * failure: it is in the ledger (the runtime's bot runner), and the message counts as handled.
 *
 * <p>Messages written by the operator's own accounts are ignored, so two bots can never answer each other in a loop.
 */
public final class InboundRouter {

    private static final Logger log = LoggerFactory.getLogger(InboundRouter.class);

    /** What became of one delivery of a message. */
    public enum Delivery {
        /** Handled now, by this node. */
        HANDLED(true),
        /** Written by one of the operator's own accounts: not for the bots. */
        IGNORED(true),
        /** Handled before, or failed for good before: nothing to do. */
        SEEN(true),
        /** A live node is handling it: not settled yet. */
        HELD(false),
        /** A step failed; recorded, and tried again when the message is seen again. */
        FAILED(false),
        /** A step failed on the last try; recorded as failed for good. */
        GAVE_UP(true);

        private final boolean settled;

        Delivery(boolean settled) {
            this.settled = settled;
        }

        /** Whether nothing more will happen to the message: polling may move past it. */
        public boolean settled() {
            return settled;
        }
    }

    private final InboundClaims claims;
    private final List<InboundStep> steps;
    private final BotInbox bots;
    private final Map<InboundEvent.Kind, Map<String, List<String>>> subscribers;
    private final Set<String> ownUserIds;

    /**
     * @param subscribers for each kind, account handle (lower case) to the bots handling it, in order
     * @param ownUserIds the user ids of every account the operator runs
     */
    public InboundRouter(
            InboundClaims claims,
            List<InboundStep> steps,
            BotInbox bots,
            Map<InboundEvent.Kind, Map<String, List<String>>> subscribers,
            Set<String> ownUserIds) {
        this.claims = claims;
        this.steps = List.copyOf(steps);
        this.bots = bots;
        this.subscribers = subscribers;
        this.ownUserIds = Set.copyOf(ownUserIds);
    }

    /** Handles {@code event} unless it was handled before; returns whether it was handled now (for the webhook). */
    public boolean accept(InboundEvent event) {
        return deliver(event) == Delivery.HANDLED;
    }

    /**
     * Handles {@code event} unless it was handled before or a live node is handling it, and says what became of it.
     *
     * @throws dev.bridle.internal.store.StoreException if the claim cannot be read or written; the message is then not
     *     settled, and is handled when seen again
     */
    public Delivery deliver(InboundEvent event) {
        if (ownUserIds.contains(event.author().id())) {
            return Delivery.IGNORED;
        }
        InboundClaims.Claim claim = claims.claim(event);
        if (!claim.claimed()) {
            return claim.outcome() == InboundClaims.Claim.Outcome.SEEN ? Delivery.SEEN : Delivery.HELD;
        }
        for (InboundStep step : steps) {
            InboundStep.Outcome outcome;
            try {
                outcome = step.handle(event);
            } catch (Exception e) {
                return failed(event, step, claim.attempt(), e);
            }
            if (outcome == InboundStep.Outcome.CONSUMED) {
                claims.handled(event);
                return Delivery.HANDLED;
            }
        }
        for (String bot : subscribers
                .getOrDefault(event.kind(), Map.of())
                .getOrDefault(event.account().handle().toLowerCase(Locale.ROOT), List.of())) {
            if (event instanceof InboundEvent.MentionEvent m) {
                bots.deliver(bot, m.mention());
            } else if (event instanceof InboundEvent.MessageEvent d) {
                bots.deliver(bot, d.message());
            }
        }
        claims.handled(event);
        return Delivery.HANDLED;
    }

    /** A step that cannot decide (the opt-out store is down) must not let bots answer: recorded, tried again later. */
    private Delivery failed(InboundEvent event, InboundStep step, int attempt, Exception e) {
        String reason = InboundClaims.shorten(step.getClass().getSimpleName() + " failed: " + describe(e));
        boolean last = attempt >= InboundClaims.MAX_ATTEMPTS;
        String recorded;
        try {
            claims.failed(event, reason);
            recorded = "recorded as failed (try " + attempt + " of " + InboundClaims.MAX_ATTEMPTS + ")"
                    + (last ? "; not tried again" : "; tried again when it is seen again");
        } catch (RuntimeException storeDown) {
            // still claimed by this node and not in hand: the next time it is seen, it is tried again
            last = false;
            recorded = "could not be recorded as failed either (" + storeDown.getMessage()
                    + "); tried again when it is seen again";
        }
        log.error(
                "inbound {} stopped at {}; it reaches no bot, and {}", InboundClaims.describe(event), reason, recorded);
        log.debug("the failure of {} on inbound {}", step.getClass().getSimpleName(), event.id(), e);
        return last ? Delivery.GAVE_UP : Delivery.FAILED;
    }

    private static String describe(Throwable e) {
        String text = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.replaceAll("\\s+", " ");
    }
}
