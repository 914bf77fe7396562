package dev.bridle.internal.optout;

import dev.bridle.internal.consent.Accounts;
import dev.bridle.internal.consent.ConsentEvent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A user's opt-out state, derived from their whole opt-out history with one operator.
 *
 * <p>Each account key ({@code *} or a handle) is clear or suppressed. {@code OPTED_OUT} suppresses its key;
 * {@code SUSPECTED} suppresses a clear key (and never weakens an opt-out); {@code OPTED_IN} for {@code *} clears every
 * key, for a handle only that handle. An account is suppressed when its own key or {@code *} is. An opt-out that names
 * one account therefore never lifts one for every account, and only an explicit opt-in lifts anything.
 */
public final class OptOutStatus {

    private final String subjectId;
    private final List<OptOutEvent> events;
    /** Per key, the event that suppresses it: the confirming opt-out, else the first suspicion. */
    private final Map<String, OptOutEvent> suppressed = new LinkedHashMap<>();
    /** Per key, the seq of the last opt-in naming it; {@code *} opt-ins count for every key. */
    private final Map<String, Long> lastOptIn = new HashMap<>();

    private OptOutStatus(String subjectId, List<OptOutEvent> events) {
        this.subjectId = subjectId;
        this.events = List.copyOf(events);
        for (OptOutEvent e : this.events) {
            switch (e.type()) {
                case OPTED_OUT -> suppressed.put(e.account(), e);
                case SUSPECTED -> suppressed.putIfAbsent(e.account(), e);
                case OPTED_IN -> {
                    if (e.allAccounts()) {
                        suppressed.clear();
                    } else {
                        suppressed.remove(e.account());
                    }
                    lastOptIn.put(e.account(), e.seq());
                }
            }
        }
    }

    /** The state of {@code subjectId} from their events, in any order. */
    public static OptOutStatus of(String subjectId, List<OptOutEvent> events) {
        Objects.requireNonNull(subjectId, "subjectId");
        List<OptOutEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparingLong(OptOutEvent::seq));
        return new OptOutStatus(subjectId, sorted);
    }

    /** The user. */
    public String subjectId() {
        return subjectId;
    }

    /** Every event, oldest first. */
    public List<OptOutEvent> history() {
        return events;
    }

    /**
     * Why {@code account} may not contact the user: the opt-out (preferred) or suspicion that suppresses it; empty when
     * contact is not suppressed.
     */
    public Optional<OptOutEvent> suppression(String account) {
        OptOutEvent all = suppressed.get(ConsentEvent.ALL_ACCOUNTS);
        OptOutEvent own = account.equals(ConsentEvent.ALL_ACCOUNTS) ? null : suppressed.get(Accounts.key(account));
        if (all == null || own == null) {
            return Optional.ofNullable(all != null ? all : own);
        }
        return Optional.of(
                own.type() == OptOutEventType.OPTED_OUT && all.type() != OptOutEventType.OPTED_OUT ? own : all);
    }

    /** Whether {@code account} may not contact the user. */
    public boolean suppressed(String account) {
        return suppression(account).isPresent();
    }

    /** Every suppressed key and why, in the order they were first suppressed. */
    public Map<String, OptOutEvent> suppressions() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(suppressed));
    }

    /** Whether an opt-in for {@code key} would lift anything. */
    boolean liftableBy(String key) {
        return key.equals(ConsentEvent.ALL_ACCOUNTS) ? !suppressed.isEmpty() : suppressed.containsKey(key);
    }

    /**
     * The seq of the last opt-in that cleared {@code key} (0 if none): with the key, it names the suppression episode
     * an opt-out of that key belongs to.
     */
    long episode(String key) {
        long all = lastOptIn.getOrDefault(ConsentEvent.ALL_ACCOUNTS, 0L);
        return key.equals(ConsentEvent.ALL_ACCOUNTS) ? all : Math.max(all, lastOptIn.getOrDefault(key, 0L));
    }
}
