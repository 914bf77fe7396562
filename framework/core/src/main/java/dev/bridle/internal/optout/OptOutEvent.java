package dev.bridle.internal.optout;

import dev.bridle.internal.consent.ConsentEvent;
import dev.bridle.internal.consent.Evidence;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One row of a user's opt-out history, as stored; never changed. The current state is derived from the rows
 * ({@link OptOutStatus}).
 *
 * @param seq the store's order of events
 * @param eventId the event's id
 * @param subjectId the user's platform id
 * @param operator the operator
 * @param account {@link ConsentEvent#ALL_ACCOUNTS} or one account's handle in lower case
 * @param type what happened
 * @param at when it was recorded
 * @param evidence the user's message, or the operator's reference (for an opt-in, the consent event)
 * @param trigger the keyword rule, language and keyword file version, or {@link Trigger#NONE}
 */
public record OptOutEvent(
        long seq,
        UUID eventId,
        String subjectId,
        String operator,
        String account,
        OptOutEventType type,
        Instant at,
        Evidence evidence,
        Trigger trigger) {

    public OptOutEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(trigger, "trigger");
    }

    /** Whether it covers every account of the operator. */
    public boolean allAccounts() {
        return account.equals(ConsentEvent.ALL_ACCOUNTS);
    }
}
