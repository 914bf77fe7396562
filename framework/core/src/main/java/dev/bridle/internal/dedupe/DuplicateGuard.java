package dev.bridle.internal.dedupe;

import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.ReservingGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * No identical or substantially similar content across the operator's accounts, and no exact repeats from one account
 * (rule {@link dev.bridle.bot.Rule#NO_DUPLICATE_CONTENT}).
 *
 * <p>Posts, replies and direct messages are checked; follows, likes and reposts carry no text and pass. Posts and
 * replies are compared with each other, direct messages with direct messages ({@link Channel}). What counts as a
 * duplicate is {@link ContentNormaliser} and {@link Similarity}; what is denied is the {@link DuplicatePolicy}. A
 * denial is {@link ReasonCode#DUPLICATE_CROSS_ACCOUNT} or {@link ReasonCode#DUPLICATE_SAME_ACCOUNT}, and its message
 * names the earlier post (platform id, or request id while pending), its account, when it was posted, and the score.
 *
 * <p><b>Reservation.</b> {@link #check} reserves the text when it allows: in the in-memory {@link NearDuplicateIndex}
 * (atomic per process) and in the {@link PostFingerprintStore}, whose claim row makes exact duplicates atomic across
 * nodes. The dispatcher then settles it: {@link #confirm} with the platform id once sent (or {@code null} when in
 * doubt: the reservation stands, pending), {@link #release} when the action was not sent. The
 * {@link dev.bridle.internal.guard.GuardChain} releases by itself when a later guard refuses.
 *
 * <p><b>Several nodes.</b> Exact duplicates are atomic across nodes through the claim row. On a store shared by several
 * nodes ({@link JdbcPostFingerprintStore#JdbcPostFingerprintStore(javax.sql.DataSource, boolean)}), near-duplicates are
 * too: the store hands this guard the posts other nodes reserved, and those they released (which stop counting), and
 * asks the in-memory check, under a lock every node's reservation and release takes
 * ({@link PostFingerprintStore#reserve(StoredPost, Duration, boolean, PostFingerprintStore.Peers,
 * java.util.function.BooleanSupplier)}).
 *
 * <p>When the store fails, {@link #check} throws and the chain denies: fail closed.
 */
public final class DuplicateGuard implements ReservingGuard {

    /** The guard's name in the ledger. */
    public static final String NAME = "duplicates";

    private static final Logger log = LoggerFactory.getLogger(DuplicateGuard.class);

    private final NearDuplicateIndex index;
    private final PostFingerprintStore store;
    private final DuplicatePolicy policy;
    private final Clock clock;
    /** What the other nodes reserved and released: copied into the index, and forgotten again. */
    private final PostFingerprintStore.Peers peers;

    private DuplicateGuard(Builder b, NearDuplicateIndex index) {
        this.index = index;
        this.peers = new PostFingerprintStore.Peers() {
            @Override
            public void reserved(StoredPost post) {
                index.add(post);
            }

            @Override
            public void released(UUID requestId) {
                index.forget(requestId);
            }
        };
        this.store = b.store;
        this.policy = b.policy;
        this.clock = b.clock;
    }

    /** Starts building a guard over {@code store}; {@link Builder#build} loads the window from it. */
    public static Builder builder(PostFingerprintStore store, Clock clock) {
        return new Builder(store, clock);
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.NO_DUPLICATE_CONTENT);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Verdict check(ActionRequest request) {
        Optional<Channel> channel = Channel.of(request.kind());
        if (channel.isEmpty() || request.origin() == ActionOrigin.COMPLIANCE) {
            // compliance messages (the one confirmation after an opt-out, HELP) are the same words by design
            return Verdict.allow();
        }
        Instant at = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        StoredPost post = new StoredPost(
                request.requestId(),
                request.account().handle(),
                channel.get(),
                Fingerprint.of(request.text()),
                at,
                null);
        AtomicReference<ReserveResult> local = new AtomicReference<>();
        PostFingerprintStore.Claim claim;
        try {
            claim = store.reserve(post, policy.window(), !policy.denyExactWithinAccount(), peers, () -> {
                local.set(index.reserve(post));
                return local.get() instanceof ReserveResult.Reserved;
            });
        } catch (RuntimeException e) {
            index.release(post.requestId());
            throw e;
        }
        if (local.get() instanceof ReserveResult.Refused refused) {
            return deny(refused.match(), channel.get());
        }
        if (local.get() instanceof ReserveResult.Withdrawn) {
            return Verdict.deny(
                    ReasonCode.GUARD_UNAVAILABLE, "the request was released before its duplicate check finished");
        }
        if (claim instanceof PostFingerprintStore.Taken taken) {
            index.release(post.requestId());
            return deny(taken, post, channel.get());
        }
        if (!index.contains(post.requestId())) {
            // released while the row was being written (the chain gave up on this guard): undo the row
            store.release(post.requestId());
            return Verdict.deny(
                    ReasonCode.GUARD_UNAVAILABLE, "the request was released before its duplicate check finished");
        }
        return Verdict.allow();
    }

    @Override
    public void confirm(ActionRequest request, String platformId) {
        if (platformId == null) {
            return; // in doubt: the reservation stands, pending, until reconciled
        }
        if (Channel.of(request.kind()).isEmpty()) {
            return;
        }
        try {
            index.confirm(request.requestId(), platformId);
            store.markSent(request.requestId(), platformId);
        } catch (RuntimeException e) {
            log.error(
                    "could not record that {} was sent as {}; its reservation stays pending",
                    request.requestId(),
                    platformId,
                    e);
        }
    }

    @Override
    public void release(ActionRequest request) {
        release(request.requestId());
    }

    /** Gives back the reservation of {@code requestId}, if any; for reconciliation of in-doubt actions too. */
    public void release(UUID requestId) {
        try {
            if (index.release(requestId)) {
                store.release(requestId);
            }
        } catch (RuntimeException e) {
            log.error(
                    "could not release the duplicate reservation of {}; it will expire with its window", requestId, e);
        }
    }

    /** Settles an in-doubt reservation found to have been sent after all. */
    public void confirm(UUID requestId, String platformId) {
        Objects.requireNonNull(platformId, "platformId");
        index.confirm(requestId, platformId);
        store.markSent(requestId, platformId);
    }

    /** Deletes stored posts that left the window and expired claims; run it now and then (hourly is plenty). */
    public int purgeExpired() {
        index.expire();
        return store.purge(clock.instant(), policy.window());
    }

    /** The in-memory index, for diagnostics and metrics. */
    public NearDuplicateIndex index() {
        return index;
    }

    /** The policy. */
    public DuplicatePolicy policy() {
        return policy;
    }

    /** The most posts held in memory. */
    public int maxEntries() {
        return index.maxEntries();
    }

    private Verdict deny(Match m, Channel channel) {
        String what =
                m.exact() ? "identical to" : String.format(Locale.ROOT, "a near-duplicate (score %.2f) of", m.score());
        return Verdict.deny(
                code(m.sameAccount()),
                what + " "
                        + describe(
                                m.earlier().platformId(),
                                m.earlier().requestId(),
                                m.earlier().account(),
                                m.earlier().at(),
                                channel)
                        + "; " + rule(m.sameAccount()));
    }

    private Verdict deny(PostFingerprintStore.Taken taken, StoredPost post, Channel channel) {
        boolean sameAccount = taken.account().equalsIgnoreCase(post.account());
        return Verdict.deny(
                code(sameAccount),
                "identical to " + describe(taken.platformId(), taken.requestId(), taken.account(), taken.at(), channel)
                        + " (claimed in the shared store); " + rule(sameAccount));
    }

    private static ReasonCode code(boolean sameAccount) {
        return sameAccount ? ReasonCode.DUPLICATE_SAME_ACCOUNT : ReasonCode.DUPLICATE_CROSS_ACCOUNT;
    }

    private static String describe(String platformId, UUID requestId, String account, Instant at, Channel channel) {
        String noun = channel == Channel.DIRECT ? "message" : "post";
        String which = platformId != null
                ? noun + " " + platformId + " (request " + requestId + ")"
                : "pending " + noun + " (request " + requestId + ")";
        return which + " by @" + account + (at == null ? "" : " at " + at);
    }

    private String rule(boolean sameAccount) {
        long days = policy.window().toDays();
        String window = days >= 1 && policy.window().equals(Duration.ofDays(days))
                ? days + " days"
                : policy.window().toString();
        return sameAccount
                ? "an account may not repeat the same text within " + window
                : "the operator's accounts may not send the same or substantially similar text within " + window;
    }

    /** Builds a {@link DuplicateGuard}; every setting has a default. */
    public static final class Builder {

        private final PostFingerprintStore store;
        private final Clock clock;
        private DuplicatePolicy policy = DuplicatePolicy.defaults();
        private int maxEntries = NearDuplicateIndex.DEFAULT_MAX_ENTRIES;

        private Builder(PostFingerprintStore store, Clock clock) {
            this.store = Objects.requireNonNull(store, "store");
            this.clock = Objects.requireNonNull(clock, "clock");
        }

        /** The window, threshold and what is denied within one account. */
        public Builder policy(DuplicatePolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** The most posts held in memory ({@link NearDuplicateIndex#DEFAULT_MAX_ENTRIES} by default). */
        public Builder maxEntries(int maxEntries) {
            this.maxEntries = maxEntries;
            return this;
        }

        /**
         * Loads the posts of the window from the store into a new index, and returns the guard. Also loads ICU's data
         * (a few hundred milliseconds, once), so the first check does not spend its budget on it.
         */
        public DuplicateGuard build() {
            Fingerprint.of("Ѕtart-up ΚΑ ᴛᴇxᴛ 🔥 #warm https://t.co/x @someone 2.4.0");
            NearDuplicateIndex index = new NearDuplicateIndex(policy, maxEntries, clock);
            Instant now = clock.instant();
            long started = System.nanoTime();
            AtomicInteger loaded = new AtomicInteger();
            store.forEachSince(now.minus(policy.window()), post -> {
                if (index.add(post)) {
                    loaded.incrementAndGet();
                }
            });
            log.info(
                    "duplicate index rebuilt: {} posts of the last {} days in {} ms",
                    loaded.get(),
                    policy.window().toDays(),
                    (System.nanoTime() - started) / 1_000_000);
            return new DuplicateGuard(this, index);
        }
    }
}
