package dev.bridle.internal.runtime;

import dev.bridle.audit.AuditLedger;
import dev.bridle.bot.Account;
import dev.bridle.bot.Mention;
import dev.bridle.bot.Post;
import dev.bridle.bot.PostPage;
import dev.bridle.bot.ReadResult;
import dev.bridle.bot.Reads;
import dev.bridle.bot.StreamRules;
import dev.bridle.bot.UserPage;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Purpose;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.read.AccountPauseReadStep;
import dev.bridle.internal.read.ReadKind;
import dev.bridle.internal.read.ReadPlan;
import dev.bridle.internal.read.ReadRecords;
import dev.bridle.internal.read.ReadRefusal;
import dev.bridle.internal.read.ReadRequest;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot's {@link Reads}: each read passes the {@link ReadPlan}, goes to the platform only if allowed, and is ledgered
 * (refused, made with its object count, or failed), never with what it asked or what came back. A read the platform
 * answers by refusing the account (401 bad credentials, 403 locked or restricted) pauses the account exactly as an
 * action's refusal does ({@code PlatformFailures}); any other failure, a 403 for one resource included, is only that
 * read's.
 */
final class GuardedReads implements Reads {

    private static final Logger log = LoggerFactory.getLogger(GuardedReads.class);

    /** One call to the platform that may fail. */
    @FunctionalInterface
    interface Call<T> {
        T make() throws PlatformException;
    }

    private final String bot;
    private final Account account;
    private final Set<Purpose> purposes;
    private final ReadPlan plan;
    private final Platform platform;
    private final AuditLedger ledger;
    private final Clock clock;
    private final AccountHealth health;
    private final AccountPauseReadStep accountPause;
    private final GuardedStreamRules streamRules;

    /**
     * @param health where an account the platform refuses on a read (bad credentials, locked) is paused, as the action
     *     path pauses it
     */
    GuardedReads(
            String bot,
            Account account,
            Set<Purpose> purposes,
            ReadPlan plan,
            Platform platform,
            AuditLedger ledger,
            Clock clock,
            AccountHealth health) {
        this.bot = Objects.requireNonNull(bot, "bot");
        this.account = Objects.requireNonNull(account, "account");
        this.purposes = Set.copyOf(purposes);
        this.plan = Objects.requireNonNull(plan, "plan");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.health = Objects.requireNonNull(health, "health");
        this.accountPause = new AccountPauseReadStep(health);
        this.streamRules = new GuardedStreamRules(this, platform, account);
    }

    @Override
    public ReadResult<Optional<UserRef>> user(String handle) {
        Objects.requireNonNull(handle, "handle");
        String bare = handle.startsWith("@") ? handle.substring(1) : handle;
        return read(ReadKind.USER_LOOKUP, bare, () -> platform.lookupHandle(account, bare), u -> u.isPresent() ? 1 : 0);
    }

    @Override
    public ReadResult<List<Mention>> mentions(String sinceId) {
        return read(ReadKind.MENTIONS, sinceId, () -> platform.mentionsSince(account, sinceId), List::size);
    }

    @Override
    public ReadResult<Optional<Post>> post(String postId) {
        Objects.requireNonNull(postId, "postId");
        return read(ReadKind.POST_LOOKUP, postId, () -> platform.readPost(account, postId), p -> p.isPresent() ? 1 : 0);
    }

    @Override
    public ReadResult<PostPage> search(String query, int maxResults, String pageToken) {
        Objects.requireNonNull(query, "query");
        return read(
                ReadKind.SEARCH_RECENT,
                query,
                () -> platform.searchRecent(account, query, maxResults, pageToken),
                page -> page.posts().size());
    }

    @Override
    public ReadResult<PostPage> ownPosts(int maxResults, String pageToken) {
        return read(
                ReadKind.OWN_TIMELINE,
                null,
                () -> platform.ownPosts(account, maxResults, pageToken),
                page -> page.posts().size());
    }

    @Override
    public ReadResult<UserPage> followers(int maxResults, String pageToken) {
        return read(
                ReadKind.FOLLOWERS,
                null,
                () -> platform.followers(account, maxResults, pageToken),
                page -> page.users().size());
    }

    @Override
    public StreamRules streamRules() {
        return streamRules;
    }

    /** A read through the plan: refused and ledgered, or made (or failed) and ledgered. */
    <T> ReadResult<T> read(ReadKind kind, String query, Call<T> call, ToIntFunction<T> objects) {
        ReadRequest request = new ReadRequest(UUID.randomUUID(), bot, account.handle(), purposes, kind, query);
        Optional<ReadRefusal> refusal = plan.check(request);
        if (refusal.isPresent()) {
            ledger.append(ReadRecords.refused(request, refusal.get(), clock.instant()));
            return new ReadResult.Refused<>(refusal.get().code(), refusal.get().message());
        }
        return make(request, call, objects);
    }

    /**
     * A call the plan does not screen for purpose or watch rules (deleting stream rules: it watches nothing), ledgered
     * as every read is. Nothing is sent as a paused account all the same.
     */
    <T> ReadResult<T> unplanned(ReadKind kind, String query, Call<T> call, ToIntFunction<T> objects) {
        ReadRequest request = new ReadRequest(UUID.randomUUID(), bot, account.handle(), purposes, kind, query);
        Optional<ReadRefusal> paused = accountPause.check(request);
        if (paused.isPresent()) {
            ledger.append(ReadRecords.refused(request, paused.get(), clock.instant()));
            return new ReadResult.Refused<>(paused.get().code(), paused.get().message());
        }
        return make(request, call, objects);
    }

    /** The platform refused the account: paused until an operator resumes it, as after an action's refusal. */
    private void pause(PlatformException e) {
        try {
            health.pause(account.handle(), e);
        } catch (RuntimeException storeDown) {
            // The platform refuses the account either way; the next refusal tries to record the pause again.
            log.error("could not record the pause of @{}", account.handle(), storeDown);
        }
    }

    private <T> ReadResult<T> make(ReadRequest request, Call<T> call, ToIntFunction<T> objects) {
        T value;
        try {
            value = call.make();
        } catch (PlatformException e) {
            String error = e.kind() + ": " + e.getMessage();
            if (e.kind() == PlatformException.Kind.BAD_CREDENTIALS
                    || e.kind() == PlatformException.Kind.ACCOUNT_RESTRICTED) {
                pause(e);
                ledger.append(ReadRecords.accountRefused(request, error, clock.instant()));
            } else {
                ledger.append(ReadRecords.failed(request, error, clock.instant()));
            }
            return new ReadResult.Failed<>(error);
        }
        ledger.append(ReadRecords.made(request, objects.applyAsInt(value), clock.instant()));
        return new ReadResult.Read<>(value);
    }
}
