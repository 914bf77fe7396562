package dev.bridle.internal.optout;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.bridle.internal.consent.ConsentEvent;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.store.ChangeFeed;
import dev.bridle.internal.store.Database;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opt-outs for one operator, in the append-only {@code optout_events} table. Every event is committed and forced to
 * disk before the call returns: an opt-out is durable before anyone acknowledges it.
 *
 * <ul>
 *   <li>{@link #optOut} records an opt-out and withdraws the user's consent on the same accounts, so that opting back
 *       in brings back only what the user then agrees to;
 *   <li>{@link #suspect} records a message that may be an opt-out: contact is suppressed until the user confirms or
 *       opts back in;
 *   <li>there is no method to opt someone back in. The registry listens to the {@link ConsentRegistry}: an explicit
 *       grant (a START, an API or command-line grant; not an import, not a single-use interaction consent) lifts the
 *       suppressions it covers.
 * </ul>
 *
 * <p>{@link #status} reads the database; {@link #cachedStatus} may answer from a cache that every change made here
 * invalidates at once (after the commit), and that another node's change reaches through the store's change feed
 * (PostgreSQL NOTIFY), or at the latest after {@link OptOutSettings#cacheTtl()} if a notification was lost. Only the
 * early guard reads the cache; the final check before a send reads the database.
 */
public final class OptOutRegistry {

    private static final Logger log = LoggerFactory.getLogger(OptOutRegistry.class);

    /** The change-feed channel opt-out changes are published on; the payload is the subject's id. */
    public static final String CHANGES = "bridle_optout";

    /** Users whose opt-out state is cached at once. */
    public static final long CACHE_SIZE = 100_000;

    private final JdbcOptOutStore store;
    private final Clock clock;
    private final String operator;
    private final OptOutSettings settings;
    private final ConsentRegistry consents;
    private final Cache<String, OptOutStatus> cache;
    private final ChangeFeed changes;

    /** Opt-outs of {@code consents}' operator; explicit grants recorded there from now on lift opt-outs. */
    public OptOutRegistry(Database db, Clock clock, OptOutSettings settings, ConsentRegistry consents) {
        this.store = new JdbcOptOutStore(Objects.requireNonNull(db, "db"));
        this.changes = db.changes();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.operator = consents.settings().operator();
        this.cache = Caffeine.newBuilder()
                .maximumSize(CACHE_SIZE)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfterWrite(settings.cacheTtl())
                .build();
        consents.addListener(this::liftOnExplicitGrant);
        // another node's opt-out reaches this cache at once, not after the time to live
        changes.subscribe(CHANGES, subject -> {
            if (subject == null) {
                cache.invalidateAll();
            } else {
                cache.invalidate(subject);
            }
        });
    }

    /** The settings. */
    public OptOutSettings settings() {
        return settings;
    }

    /**
     * Records that {@code subjectId} opted out of contact from {@code account} (a handle, which the settings widen to
     * every account unless that account is configured otherwise; or {@code *}), then withdraws their consent there.
     */
    public OptOutRecorded optOut(String subjectId, String account, Evidence evidence, Trigger trigger) {
        OptOutRecorded recorded = record(OptOutEventType.OPTED_OUT, subjectId, account, evidence, trigger);
        try {
            consents.withdraw(
                    subjectId,
                    recorded.event().account(),
                    Set.of(),
                    new Evidence(
                            evidence.channel(),
                            evidence.inboundId(),
                            evidence.inboundText(),
                            "opt-out " + recorded.event().eventId()));
        } catch (RuntimeException e) {
            // The opt-out is recorded and stops everything; the consent history only lacks its echo.
            log.error(
                    "user {} opted out ({}), but their consent could not be marked withdrawn",
                    subjectId,
                    recorded.event().eventId(),
                    e);
        }
        return recorded;
    }

    /**
     * Records that {@code subjectId} wrote something that may be an opt-out; contact is suppressed as for
     * {@link #optOut}.
     */
    public OptOutRecorded suspect(String subjectId, String account, Evidence evidence, Trigger trigger) {
        return record(OptOutEventType.SUSPECTED, subjectId, account, evidence, trigger);
    }

    private OptOutRecorded record(
            OptOutEventType type, String subjectId, String account, Evidence evidence, Trigger trigger) {
        String key = account.equals(ConsentEvent.ALL_ACCOUNTS) ? account : settings.keyFor(account);
        OptOutStatus before = status(subjectId);
        OptOutEvent event =
                append(new OptOutEvent(0, UUID.randomUUID(), subjectId, operator, key, type, now(), evidence, trigger));
        return new OptOutRecorded(event, before.suppressed(account), before.episode(key));
    }

    /** An explicit grant lifts the suppressions of its account key, if there are any. */
    private void liftOnExplicitGrant(ConsentEvent grant) {
        if (!status(grant.subjectId()).liftableBy(grant.account())) {
            return;
        }
        append(new OptOutEvent(
                0,
                UUID.randomUUID(),
                grant.subjectId(),
                operator,
                grant.account(),
                OptOutEventType.OPTED_IN,
                now(),
                new Evidence(
                        grant.evidence().channel(),
                        grant.evidence().inboundId(),
                        grant.evidence().inboundText(),
                        "consent " + grant.eventId()),
                Trigger.NONE));
    }

    private OptOutEvent append(OptOutEvent event) {
        try {
            return store.append(event);
        } finally {
            cache.invalidate(event.subjectId());
            changes.publish(CHANGES, event.subjectId());
        }
    }

    /**
     * Claims the one {@code kind} message of {@code recorded}'s suppression episode; true at most once per episode,
     * across nodes and restarts. Claim before sending: a crash in between loses the message rather than sending it
     * twice.
     */
    public boolean claimNotice(OptOutRecorded recorded, NoticeKind kind) {
        return store.claimNotice(recorded.event(), recorded.episode(), kind, now());
    }

    /** The user's state from the database. */
    public OptOutStatus status(String subjectId) {
        return OptOutStatus.of(subjectId, store.history(subjectId, operator));
    }

    /** The user's state, from the cache when it holds it. */
    public OptOutStatus cachedStatus(String subjectId) {
        return cache.get(subjectId, this::status);
    }

    /** The user's opt-out events, oldest first, from the database. */
    public List<OptOutEvent> history(String subjectId) {
        return store.history(subjectId, operator);
    }

    /**
     * Forgets the text of the user messages {@code messageIds} in the opt-out records' evidence, because they were
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

    /** The account key an opt-out sent to {@code handle} covers. */
    public String keyFor(String handle) {
        return settings.keyFor(handle);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
