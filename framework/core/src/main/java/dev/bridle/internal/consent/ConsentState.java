package dev.bridle.internal.consent;

import dev.bridle.consent.ConsentScope;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A user's current consent, derived from their whole history with one operator. Nothing is kept but the events; every
 * answer is computed from them, so the state cannot drift from the record.
 *
 * <p>The rules, for one scope on one account: take the events that name the scope and apply to the account (they name
 * it, or every account), newest first, up to the newest withdrawal or invalidation. A grant among them that has not
 * lapsed, and was not used up, covers the scope. A withdrawal therefore ends every earlier grant, and only a later
 * grant gives the scope back. A single-use interaction grant counts only for a reply to its own mention, and never for
 * {@link Coverage.Kind#OTHER_SCOPES}.
 */
public final class ConsentState {

    private final String subjectId;
    private final List<ConsentEvent> events;
    private final Set<UUID> used;

    private ConsentState(String subjectId, List<ConsentEvent> events) {
        this.subjectId = subjectId;
        this.events = List.copyOf(events);
        Set<UUID> usedUp = new HashSet<>();
        for (ConsentEvent e : this.events) {
            if (e.type() == ConsentEventType.USED && e.refersTo() != null) {
                usedUp.add(e.refersTo());
            }
        }
        this.used = usedUp;
    }

    /** The state of {@code subjectId} from their events, in any order (they are sorted by seq). */
    public static ConsentState of(String subjectId, List<ConsentEvent> events) {
        Objects.requireNonNull(subjectId, "subjectId");
        List<ConsentEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(ConsentEvent::seq));
        for (ConsentEvent e : sorted) {
            if (!e.subjectId().equals(subjectId)) {
                throw new IllegalArgumentException(
                        "event " + e.eventId() + " is about user " + e.subjectId() + ", not " + subjectId);
            }
        }
        return new ConsentState(subjectId, sorted);
    }

    /** The user. */
    public String subjectId() {
        return subjectId;
    }

    /** Every event, oldest first. */
    public List<ConsentEvent> history() {
        return events;
    }

    /**
     * Whether consent covers {@code scope} on {@code account} at {@code at}.
     *
     * @param interactionId the mention a reply answers, so that a single-use grant for it counts; or {@code null}
     */
    public Coverage coverage(ConsentScope scope, String account, Instant at, String interactionId) {
        Coverage own = direct(scope, account, at, interactionId);
        if (own.kind() != Coverage.Kind.NONE) {
            return own;
        }
        for (ConsentScope other : ConsentScope.values()) {
            if (other != scope) {
                Coverage c = direct(other, account, at, null);
                if (c.covered()) {
                    return new Coverage(Coverage.Kind.OTHER_SCOPES, scope, c.event());
                }
            }
        }
        return own;
    }

    /** Coverage from the events naming {@code scope} alone: never {@link Coverage.Kind#OTHER_SCOPES}. */
    private Coverage direct(ConsentScope scope, String account, Instant at, String interactionId) {
        ConsentEvent lapsed = null;
        for (int i = events.size() - 1; i >= 0; i--) {
            ConsentEvent e = events.get(i);
            if (!e.scopes().contains(scope) || !e.appliesTo(account)) {
                continue;
            }
            if (e.type().ends()) {
                return lapsed != null
                        ? new Coverage(Coverage.Kind.EXPIRED, scope, lapsed)
                        : new Coverage(Coverage.Kind.WITHDRAWN, scope, e);
            }
            if (e.type() != ConsentEventType.GIVEN
                    || used.contains(e.eventId())
                    || (e.isInteraction() && !e.interactionId().equals(interactionId))) {
                continue;
            }
            if (!e.expiredAt(at)) {
                return new Coverage(Coverage.Kind.COVERED, scope, e);
            }
            lapsed = lapsed == null ? e : lapsed;
        }
        return lapsed != null
                ? new Coverage(Coverage.Kind.EXPIRED, scope, lapsed)
                : new Coverage(Coverage.Kind.NONE, scope, null);
    }

    /** The accounts the history names ({@code *} and handles), in order of first mention. */
    public Set<String> accounts() {
        Set<String> accounts = new LinkedHashSet<>();
        events.forEach(e -> accounts.add(e.account()));
        return accounts;
    }

    /** The scopes covered on {@code account} at {@code at}, not counting single-use grants. */
    public Set<ConsentScope> coveredScopes(String account, Instant at) {
        Set<ConsentScope> covered = new LinkedHashSet<>();
        for (ConsentScope scope : ConsentScope.values()) {
            Coverage c = coverage(scope, account, at, null);
            if (c.covered()) {
                covered.add(scope);
            }
        }
        return covered;
    }
}
