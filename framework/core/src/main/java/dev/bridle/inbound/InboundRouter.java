package dev.bridle.inbound;

import dev.bridle.runtime.BotRunner;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where every inbound message goes, whether it was polled or pushed by a webhook: claimed once,
 * passed through the {@link InboundStep}s (opt-out keywords first), then handed to the bots that
 * handle that kind of message on that account.
 *
 * <p>Messages written by the operator's own accounts are ignored, so two bots can never answer
 * each other in a loop.
 */
public final class InboundRouter {

    private static final Logger log = LoggerFactory.getLogger(InboundRouter.class);

    private final InboundLog inboundLog;
    private final List<InboundStep> steps;
    private final BotRunner bots;
    private final Map<InboundEvent.Kind, Map<String, List<String>>> subscribers;
    private final Set<String> ownUserIds;

    /**
     * @param subscribers for each kind, account handle (lower case) to the bots handling it, in order
     * @param ownUserIds the user ids of every account the operator runs
     */
    public InboundRouter(InboundLog inboundLog, List<InboundStep> steps, BotRunner bots,
                         Map<InboundEvent.Kind, Map<String, List<String>>> subscribers, Set<String> ownUserIds) {
        this.inboundLog = inboundLog;
        this.steps = List.copyOf(steps);
        this.bots = bots;
        this.subscribers = subscribers;
        this.ownUserIds = Set.copyOf(ownUserIds);
    }

    /** Handles {@code event} unless it was handled before; returns whether it was new. */
    public boolean accept(InboundEvent event) {
        if (ownUserIds.contains(event.author().id())) {
            return false;
        }
        if (!inboundLog.claim(event)) {
            return false;
        }
        for (InboundStep step : steps) {
            try {
                if (step.handle(event) == InboundStep.Outcome.CONSUMED) {
                    return true;
                }
            } catch (Exception e) {
                // A step that cannot decide (the opt-out store is down) must not let bots answer.
                log.error("inbound {} {} from {} stopped at {}: it reaches no bot", event.kind(), event.id(), event.author(),
                        step.getClass().getSimpleName(), e);
                return true;
            }
        }
        for (String bot : subscribers.getOrDefault(event.kind(), Map.of())
                .getOrDefault(event.account().handle().toLowerCase(Locale.ROOT), List.of())) {
            if (event instanceof InboundEvent.MentionEvent m) {
                bots.deliver(bot, m.mention());
            } else if (event instanceof InboundEvent.MessageEvent d) {
                bots.deliver(bot, d.message());
            }
        }
        return true;
    }
}
