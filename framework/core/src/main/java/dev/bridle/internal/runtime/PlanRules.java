package dev.bridle.internal.runtime;

import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ThrottlesConfig;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.dedupe.DuplicateGuard;
import dev.bridle.internal.dedupe.JdbcPostFingerprintStore;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.Dialect;
import dev.bridle.internal.throttle.JdbcAnsweredInteractions;
import dev.bridle.internal.throttle.JdbcFollowHistory;
import dev.bridle.internal.throttle.LocalBucketStore;
import dev.bridle.internal.throttle.PostgresBucketStore;
import dev.bridle.internal.throttle.TakeJournal;
import dev.bridle.internal.throttle.ThrottleSettings;
import dev.bridle.internal.throttle.Throttles;
import java.time.Clock;

/**
 * What the decision plan's rules read, built on one store: account health, consents, opt-outs, the throttles and the
 * duplicate index. Built before the platform is connected, because the platform reports its rate limits to the
 * throttles' {@link PlatformLimits} ({@link Throttles#feedback()}) and asks it before each request;
 * {@link DecisionPlan#of} then makes the plan from them.
 */
final class PlanRules {

    /** Rows of refilled shared buckets deleted per housekeeping round. */
    static final int PURGE_BATCH = 10_000;

    final AccountHealth health;
    final ConsentRegistry consents;
    final OptOutRegistry optOuts;
    final Throttles throttles;
    final DuplicateGuard duplicates;
    private final PostgresBucketStore sharedBuckets;
    private final TakeJournal takeJournal;

    private PlanRules(
            AccountHealth health,
            ConsentRegistry consents,
            OptOutRegistry optOuts,
            Throttles throttles,
            DuplicateGuard duplicates,
            PostgresBucketStore sharedBuckets,
            TakeJournal takeJournal) {
        this.health = health;
        this.consents = consents;
        this.optOuts = optOuts;
        this.throttles = throttles;
        this.duplicates = duplicates;
        this.sharedBuckets = sharedBuckets;
        this.takeJournal = takeJournal;
    }

    /**
     * The rules for {@code config} on {@code database}. Throttles: shared buckets and platform windows in PostgreSQL
     * ({@code throttles.buckets: database}), or buckets in memory restored from their journal before any bot runs.
     *
     * @param scratch a throwaway store, to describe the plan: shared buckets are then kept in memory, with the same
     *     guards as in PostgreSQL
     */
    static PlanRules open(
            BridleConfig config, Database database, Clock clock, ContactSettings contact, boolean scratch) {
        AccountHealth health = new AccountHealth(database, clock);
        ConsentRegistry consents = new ConsentRegistry(database, clock, contact.consent());
        OptOutRegistry optOuts = new OptOutRegistry(database, clock, contact.optOut(), consents);
        ThrottleSettings settings = config.throttles().settings();
        boolean shared = config.throttles().buckets() == ThrottlesConfig.Buckets.DATABASE;
        JdbcFollowHistory history = new JdbcFollowHistory(database.dataSource(), clock);
        JdbcAnsweredInteractions answered = new JdbcAnsweredInteractions(database.dataSource());
        PostgresBucketStore sharedBuckets = null;
        TakeJournal journal = null;
        Throttles throttles;
        if (shared && scratch) {
            throttles = Throttles.create(settings, clock, new LocalBucketStore(clock), history, answered);
        } else if (shared) {
            if (database.dialect() != Dialect.POSTGRES) {
                // The configuration refuses this; a store that is not what its URL says must not pass silently.
                throw new IllegalStateException(
                        "throttle buckets in the database need PostgreSQL, and the store is " + database.dialect());
            }
            sharedBuckets = new PostgresBucketStore(database.dataSource(), clock);
            throttles = Throttles.shared(
                    settings,
                    clock,
                    sharedBuckets,
                    PlatformLimits.shared(clock, database.dataSource()),
                    history,
                    answered);
        } else {
            journal = new TakeJournal(database.dataSource(), clock);
            throttles = Throttles.journaled(settings, clock, new LocalBucketStore(clock), journal, history, answered);
        }
        // several nodes may share a PostgreSQL store; an H2 file is opened by one process only
        boolean sharedStore = database.dialect() == Dialect.POSTGRES;
        DuplicateGuard duplicates = DuplicateGuard.builder(
                        new JdbcPostFingerprintStore(database.dataSource(), sharedStore), clock)
                .policy(config.duplicates().policy())
                .maxEntries(config.duplicates().maxPosts())
                .build();
        return new PlanRules(health, consents, optOuts, throttles, duplicates, sharedBuckets, journal);
    }

    /** Adds the rules' purges (expired reservations, buckets or journal rows) to {@code housekeeping}. */
    void addPurges(Housekeeping housekeeping) {
        housekeeping.add("duplicate reservations", duplicates::purgeExpired);
        if (sharedBuckets != null) {
            housekeeping.add("shared buckets", () -> sharedBuckets.purgeExpired(PURGE_BATCH));
        } else if (takeJournal != null) {
            housekeeping.add("throttle journal", takeJournal::purgeExpired);
        }
    }
}
