package dev.bridle.internal.consent;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.store.ChangeFeed;
import dev.bridle.internal.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Consent records for one operator: grant, withdraw, invalidate, look up, list, and export as receipts
 * ({@link ConsentReceipts}). Every change is an event appended to {@code consent_events} and forced to disk before the
 * call returns; the current state is derived from the history ({@link ConsentState}).
 *
 * <pre>{@code
 * ConsentRegistry consents = new ConsentRegistry(db, clock, ConsentSettings.defaults("acme-bots-prod"));
 * consents.grant(ConsentGrant.of("2001", Set.of(ConsentScope.REPLY),
 *         Evidence.reference(Channel.API, "signup form 8812")));
 * consents.state("2001").coverage(ConsentScope.REPLY, "acme_help", clock.instant(), null).covered();  // true
 * }</pre>
 *
 * <p>Reads come in two kinds. {@link #state} reads the database. {@link #cachedState} may answer from a Caffeine cache
 * that every change made through this registry invalidates at once (after the commit, so a concurrent load cannot put
 * the old state back); a change made by another node is seen at once through the store's change feed (PostgreSQL
 * NOTIFY), or at the latest after {@link ConsentSettings#cacheTtl()} if a notification was lost. Both throw
 * {@link dev.bridle.internal.store.StoreException} when the store cannot answer; guards turn that into a denial.
 */
public final class ConsentRegistry {

    /** Users whose consent history is cached at once. */
    public static final long CACHE_SIZE = 100_000;

    /** Told about explicit grants after they are durable; see {@link #addListener}. */
    @FunctionalInterface
    public interface GrantListener {
        /** {@code grant} was recorded; a throw reaches {@link #grant}'s caller, the grant stays recorded. */
        void explicitGrant(ConsentEvent grant);
    }

    /** Told when consent ends (withdrawn, or declared void) after it is durable; see {@link #addEndListener}. */
    @FunctionalInterface
    public interface EndListener {
        /** {@code end} was recorded; a throw reaches the caller of {@link #withdraw}, the end stays recorded. */
        void consentEnded(ConsentEvent end);
    }

    private final JdbcConsentStore store;
    private final Clock clock;
    private final ConsentSettings settings;
    private final Cache<String, ConsentState> cache;
    private final List<GrantListener> listeners = new CopyOnWriteArrayList<>();
    private final List<EndListener> endListeners = new CopyOnWriteArrayList<>();

    /** The change-feed channel consent changes are published on; the payload is the subject's id. */
    public static final String CHANGES = "bridle_consent";

    private final ChangeFeed changes;

    public ConsentRegistry(Database db, Clock clock, ConsentSettings settings) {
        this.store = new JdbcConsentStore(Objects.requireNonNull(db, "db"));
        this.changes = db.changes();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.cache = Caffeine.newBuilder()
                .maximumSize(CACHE_SIZE)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfterWrite(settings.cacheTtl())
                .build();
        // another node's change reaches this cache at once, not after the time to live
        changes.subscribe(CHANGES, subject -> {
            if (subject == null) {
                cache.invalidateAll();
            } else {
                cache.invalidate(subject);
            }
        });
    }

    /** The settings: operator, expiry, notice. */
    public ConsentSettings settings() {
        return settings;
    }

    /**
     * Records a grant. An explicit grant (not an import, not a single-use interaction consent) is then passed to the
     * {@link GrantListener}s: the opt-out registry lifts a user's opt-out on it.
     */
    public ConsentEvent grant(ConsentGrant grant) {
        Instant now = now();
        Instant expires = grant.expiresAt() != null
                ? grant.expiresAt().truncatedTo(ChronoUnit.MICROS)
                : now.plus(grant.interactionId() != null ? settings.interactionExpiry() : settings.expiry());
        if (!expires.isAfter(now)) {
            throw new IllegalArgumentException(
                    "the consent would expire at " + expires + ", which is not after now (" + now + ")");
        }
        NoticeRef notice =
                grant.notice() != null ? grant.notice() : settings.notice().ref();
        ConsentEvent event = append(new ConsentEvent(
                0,
                UUID.randomUUID(),
                grant.subjectId(),
                settings.operator(),
                Accounts.key(grant.account()),
                grant.scopes(),
                ConsentEventType.GIVEN,
                now,
                expires,
                grant.interactionId(),
                null,
                grant.evidence(),
                notice,
                settings.policyVersion(),
                settings.jurisdiction(),
                grant.language()));
        if (!event.isInteraction() && event.evidence().channel() != Channel.IMPORT) {
            for (GrantListener listener : listeners) {
                listener.explicitGrant(event);
            }
        }
        return event;
    }

    /**
     * Records that {@code subjectId} withdrew consent to {@code scopes} (every scope if empty) on {@code account}
     * ({@code *} for every account). Earlier grants of those scopes no longer count.
     */
    public ConsentEvent withdraw(String subjectId, String account, Set<ConsentScope> scopes, Evidence evidence) {
        return end(ConsentEventType.WITHDRAWN, subjectId, account, scopes, evidence, null);
    }

    /** Records that the operator or an authority declared consent void; otherwise as {@link #withdraw}. */
    public ConsentEvent invalidate(String subjectId, String account, Set<ConsentScope> scopes, Evidence evidence) {
        return end(ConsentEventType.INVALIDATED, subjectId, account, scopes, evidence, null);
    }

    /** Records that the single-use {@code grant} had its reply ({@code requestId}). */
    ConsentEvent markUsed(ConsentEvent grant, UUID requestId) {
        return append(new ConsentEvent(
                0,
                UUID.randomUUID(),
                grant.subjectId(),
                settings.operator(),
                grant.account(),
                grant.scopes(),
                ConsentEventType.USED,
                now(),
                null,
                grant.interactionId(),
                grant.eventId(),
                Evidence.reference(Channel.API, "reply " + requestId),
                null,
                null,
                null,
                null));
    }

    private ConsentEvent end(
            ConsentEventType type,
            String subjectId,
            String account,
            Set<ConsentScope> scopes,
            Evidence evidence,
            String language) {
        Set<ConsentScope> ended = scopes.isEmpty() ? EnumSet.allOf(ConsentScope.class) : scopes;
        ConsentEvent event = append(new ConsentEvent(
                0,
                UUID.randomUUID(),
                subjectId,
                settings.operator(),
                Accounts.key(account),
                ended,
                type,
                now(),
                null,
                null,
                null,
                evidence,
                null,
                settings.policyVersion(),
                settings.jurisdiction(),
                language));
        for (EndListener listener : endListeners) {
            listener.consentEnded(event);
        }
        return event;
    }

    private ConsentEvent append(ConsentEvent event) {
        try {
            return store.append(event);
        } finally {
            // After the commit (or a failure that may have committed): the next read goes to the store.
            cache.invalidate(event.subjectId());
            changes.publish(CHANGES, event.subjectId());
        }
    }

    /** The user's state from the database. */
    public ConsentState state(String subjectId) {
        return ConsentState.of(subjectId, store.history(subjectId, settings.operator()));
    }

    /** The user's state, from the cache when it holds it (see the class comment for how stale it may be). */
    public ConsentState cachedState(String subjectId) {
        return cache.get(subjectId, this::state);
    }

    /** The user's events with this operator, oldest first, from the database. */
    public List<ConsentEvent> history(String subjectId) {
        return store.history(subjectId, settings.operator());
    }

    /**
     * Forgets the text of the user messages {@code messageIds} in the consent records' evidence, because they were
     * deleted on the platform (which asks that deleted content go from everything stored). The records stay, and keep
     * the message ids as their evidence. Returns how many records lost their text.
     */
    /** The ids of the mentions whose text these records keep as evidence: posts that may be deleted on the platform. */
    public Set<String> mentionIdsWithText() {
        return store.mentionIdsWithText();
    }

    /** Forgets deleted messages' text; see {@link #mentionIdsWithText()} for what is kept. */
    public int forgetDeletedMessages(Collection<String> messageIds) {
        int forgotten = store.forgetInboundText(messageIds);
        cache.invalidateAll(); // other nodes' cached copies expire within the cache's time to live
        return forgotten;
    }

    /** Forgets what the cache holds for {@code subjectId}, as after a change by another node. */
    public void invalidate(String subjectId) {
        cache.invalidate(subjectId);
    }

    /** Tells {@code listener} about every explicit grant from now on. */
    public void addListener(GrantListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Tells {@code listener} about every withdrawal and invalidation from now on (an opt-out withdraws too). */
    public void addEndListener(EndListener listener) {
        endListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
