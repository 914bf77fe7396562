package dev.bridle.internal.consent;

import dev.bridle.consent.ConsentScope;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One row of a user's consent history, as stored. Rows are never changed; the current state is derived from them
 * ({@link ConsentState}).
 *
 * @param seq the store's order of events; later events win
 * @param eventId the event's id, also the receipt id of a grant
 * @param subjectId the user's platform id (never a handle: handles change hands)
 * @param operator the operator (the app) the consent is given to
 * @param account {@link #ALL_ACCOUNTS} for every account of the operator, or one account's handle in lower case
 * @param scopes what is given, withdrawn or invalidated (a USED event names the grant's scopes)
 * @param type what happened
 * @param at when it happened
 * @param expiresAt when a grant lapses, or {@code null} for other events
 * @param interactionId for a single-use grant, the id of the mention it answers; otherwise {@code null}
 * @param refersTo for a USED event, the grant it used up; otherwise {@code null}
 * @param evidence what proves it
 * @param notice the notice the user saw, or {@code null} if none applies
 * @param policyVersion the version of the operator's privacy policy at the time, or {@code null}
 * @param jurisdiction where the consent is governed (a tag such as {@code EU}), or {@code null}
 * @param language the language the user wrote or was addressed in, or {@code null}
 */
public record ConsentEvent(
        long seq,
        UUID eventId,
        String subjectId,
        String operator,
        String account,
        Set<ConsentScope> scopes,
        ConsentEventType type,
        Instant at,
        Instant expiresAt,
        String interactionId,
        UUID refersTo,
        Evidence evidence,
        NoticeRef notice,
        String policyVersion,
        String jurisdiction,
        String language) {

    /** The {@code account} of an event that covers every account of the operator. */
    public static final String ALL_ACCOUNTS = "*";

    public ConsentEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(evidence, "evidence");
        scopes = scopes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(scopes));
    }

    /** Whether this event is about {@code account}: it names that account, or every account. */
    public boolean appliesTo(String account) {
        return this.account.equals(ALL_ACCOUNTS) || this.account.equalsIgnoreCase(account);
    }

    /** Whether a grant has lapsed at {@code when}: it is valid up to, not including, {@code expiresAt}. */
    public boolean expiredAt(Instant when) {
        return expiresAt != null && !when.isBefore(expiresAt);
    }

    /** Whether this is a single-use grant for one interaction. */
    public boolean isInteraction() {
        return interactionId != null;
    }
}
