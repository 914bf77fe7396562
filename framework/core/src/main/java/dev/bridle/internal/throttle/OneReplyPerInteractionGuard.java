package dev.bridle.internal.throttle;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.ReservingGuard;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One automated reply per user interaction (rule {@link dev.bridle.bot.Rule#NO_BULK_ACTIONS}; the automation rules:
 * "you only send one automated reply or mention per user interaction"). An action that answers an inbound mention or
 * message ({@link ActionRequest#inboundId()}) and carries text claims that interaction in {@link AnsweredInteractions};
 * once one request holds the claim, every other answer to it is denied, {@link ReasonCode#ALREADY_ANSWERED}, whichever
 * bot or account sends it. Time does not lift this, so it denies rather than defers.
 *
 * <p>The claim is given back only when the answer was certainly not sent (a later guard refused it, or the platform
 * certainly did not apply it); sent or in doubt, it stays.
 */
public final class OneReplyPerInteractionGuard implements ReservingGuard {

    private static final Logger log = LoggerFactory.getLogger(OneReplyPerInteractionGuard.class);

    private final AnsweredInteractions answered;
    private final Clock clock;

    public OneReplyPerInteractionGuard(AnsweredInteractions answered, Clock clock) {
        this.answered = answered;
        this.clock = clock;
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.NO_BULK_ACTIONS);
    }

    @Override
    public String name() {
        return "throttle-one-reply";
    }

    @Override
    public Verdict check(ActionRequest request) {
        if (!applies(request)) {
            return Verdict.allow();
        }
        if (answered.claim(
                request.inboundId(), request.requestId(), request.account().handle(), clock.instant())) {
            return Verdict.allow();
        }
        return Verdict.deny(
                ReasonCode.ALREADY_ANSWERED,
                "inbound " + request.inboundId()
                        + " already had its one automated answer; a user interaction gets one, whichever bot sends it");
    }

    @Override
    public void confirm(ActionRequest request, String platformId) {
        // The claim stays: this interaction has had its answer.
    }

    @Override
    public void release(ActionRequest request) {
        if (!applies(request)) {
            return;
        }
        try {
            answered.unclaim(request.inboundId(), request.requestId());
        } catch (RuntimeException e) {
            // Keeping the claim only means this interaction gets no automated answer: the safe side.
            log.warn(
                    "could not give up the claim on inbound {}; it will get no automated answer",
                    request.inboundId(),
                    e);
        }
    }

    private static boolean applies(ActionRequest request) {
        return request.inboundId() != null && request.kind().carriesText();
    }
}
