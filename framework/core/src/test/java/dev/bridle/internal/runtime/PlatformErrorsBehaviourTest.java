package dev.bridle.internal.runtime;

import static dev.bridle.audit.LedgerEvent.ALLOWED;
import static dev.bridle.audit.LedgerEvent.DEFERRED;
import static dev.bridle.audit.LedgerEvent.DENIED;
import static dev.bridle.audit.LedgerEvent.FAILED;
import static dev.bridle.audit.LedgerEvent.IN_DOUBT;
import static dev.bridle.audit.LedgerEvent.RECONCILED;
import static dev.bridle.audit.LedgerEvent.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.health.AccountPauseGuard;
import dev.bridle.internal.health.KindPause;
import dev.bridle.internal.health.PauseReason;
import dev.bridle.internal.platform.twitter.Actions;
import dev.bridle.internal.platform.twitter.SandboxFixture;
import dev.bridle.internal.platform.twitter.TwitterPlatform;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import dev.bridle.platform.ActionTrace;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformReceipt;
import dev.bridle.sandbox.AccountFlag;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 3, point 2, end to end: the dispatcher, the account-health guard and registry, the real ledger and the adapter,
 * against the sandbox over loopback HTTP. Each platform error becomes its behaviour, counted in the sandbox's own
 * request log and state.
 */
class PlatformErrorsBehaviourTest {

    private static final String POSTS = "POST /2/tweets";

    @TempDir
    Path dir;

    private SandboxFixture fixture;
    private Database db;
    private JdbcAuditLedger ledger;
    private AccountHealth health;
    private GuardChain guards;
    private GuardChain finalChecks;
    private final List<Duration> waits = new ArrayList<>();
    private Account acme;
    private Account beta;
    private String anaId;

    private void start(SandboxFixture sandbox) {
        fixture = sandbox;
        health = new AccountHealth(db, fixture.clock);
        guards = new GuardChain(List.of(new AccountPauseGuard(health)));
        acme = fixture.account("acme");
        beta = fixture.account("beta");
        anaId = fixture.sandbox.userId("ana");
    }

    @BeforeEach
    void openStore() {
        db = Database.open(TestStores.h2(dir));
        db.migrate();
        ledger = JdbcAuditLedger.open(db);
        finalChecks = new GuardChain(List.of());
    }

    @AfterEach
    void close() {
        if (guards != null) {
            guards.close();
        }
        finalChecks.close();
        ledger.close();
        db.close();
        if (fixture != null) {
            fixture.close();
        }
    }

    private ActionDispatcher dispatcher(Platform platform) {
        return new ActionDispatcher(
                guards,
                finalChecks,
                ledger,
                platform,
                fixture.clock,
                health,
                RetryPolicy.DEFAULT.withSleeper(waits::add));
    }

    private ActionDispatcher dispatcher() {
        return dispatcher(fixture.platform(ApiVersion.V2));
    }

    private List<LedgerEvent> events(ActionRequest request) {
        return records(request).stream().map(LedgerRecord::event).toList();
    }

    private List<LedgerRecord> records(ActionRequest request) {
        return ledger.tail(1000).stream()
                .map(e -> e.record())
                .filter(r -> request.requestId().equals(r.requestId()))
                .toList();
    }

    private long posts() {
        return fixture.requests().stream()
                .filter(r -> POSTS.equals(r.endpoint()))
                .count();
    }

    @Test
    void aRateLimitDefersUntilTheResetAndNothingIsAskedBeforeThen() {
        start(new SandboxFixture());
        ActionDispatcher dispatcher = dispatcher();
        fixture.sandbox.faults(FaultPlan.builder()
                .script(POSTS, s -> s.then(Fault.tooManyRequests()))
                .build());

        ActionResult first = dispatcher.dispatch(Actions.post(acme, "one"));
        long asked = fixture.requests().size();
        ActionRequest second = Actions.post(acme, "two");
        ActionResult again = dispatcher.dispatch(second);

        assertThat(first).isInstanceOfSatisfying(ActionResult.Deferred.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.RATE_LIMITED);
            assertThat(d.until()).isAfter(SandboxFixture.T0);
        });
        ActionResult.Deferred deferred = (ActionResult.Deferred) first;
        assertThat(again)
                .isInstanceOfSatisfying(
                        ActionResult.Deferred.class, d -> assertThat(d.until()).isEqualTo(deferred.until()));
        assertThat(fixture.requests()).as("no request before the reset").hasSize((int) asked);
        assertThat(events(second)).containsExactly(ALLOWED, DEFERRED);

        fixture.clock.set(deferred.until());
        assertThat(dispatcher.dispatch(Actions.post(acme, "three")).sent()).isTrue();
    }

    @Test
    void aDailyLimitPausesThatKindOfActionOnlyAndOnlyForThatAccount() {
        start(new SandboxFixture(SandboxLimits.defaults().withDailyPosts(1)));
        ActionDispatcher dispatcher = dispatcher();
        assertThat(dispatcher.dispatch(Actions.post(acme, "first")).sent()).isTrue();

        ActionResult limited = dispatcher.dispatch(Actions.post(acme, "second"));
        long asked = fixture.requests().size();
        SandboxPost mention = fixture.sandbox.injectMention("ana", "acme", "hi");
        ActionRequest reply = Actions.reply(acme, mention.id(), anaId, "@ana hello");
        ActionResult replyResult = dispatcher.dispatch(reply);

        assertThat(limited).isInstanceOfSatisfying(ActionResult.Deferred.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.DAILY_LIMIT);
            assertThat(d.until()).isAfter(SandboxFixture.T0.plus(Duration.ofHours(23)));
        });
        assertThat(replyResult)
                .as("replies share the posts' daily limit")
                .isInstanceOfSatisfying(
                        ActionResult.Deferred.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.DAILY_LIMIT));
        assertThat(records(reply)).singleElement().satisfies(r -> {
            assertThat(r.event()).isEqualTo(DEFERRED);
            assertThat(r.guard()).isEqualTo("account-health");
        });
        assertThat(fixture.requests()).as("the guard stopped the reply").hasSize((int) asked);
        assertThat(health.kindPauses())
                .extracting(KindPause::kind)
                .containsExactlyInAnyOrder(ActionKind.POST, ActionKind.REPLY, ActionKind.REPOST);
        assertThat(dispatcher.dispatch(Actions.follow(acme, anaId)).sent())
                .as("follows carry on")
                .isTrue();
        assertThat(dispatcher.dispatch(Actions.post(beta, "second")).sent())
                .as("other accounts carry on")
                .isTrue();
    }

    @Test
    void aLockedAccountIsPausedRecordedAndDeniedWhileAnotherCarriesOn() {
        start(new SandboxFixture());
        ActionDispatcher dispatcher = dispatcher();
        fixture.sandbox.flag("acme", AccountFlag.LOCKED);

        ActionRequest refused = Actions.post(acme, "hello");
        ActionResult first = dispatcher.dispatch(refused);
        long asked = fixture.requests().size();
        ActionRequest next = Actions.follow(acme, anaId);
        ActionResult second = dispatcher.dispatch(next);

        assertThat(first.failed()).isTrue();
        assertThat(records(refused))
                .extracting(LedgerRecord::event, LedgerRecord::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ALLOWED, null),
                        org.assertj.core.groups.Tuple.tuple(FAILED, "ACCOUNT_PAUSED"));
        assertThat(health.pauseOf("acme")).hasValueSatisfying(p -> {
            assertThat(p.reason()).isEqualTo(PauseReason.LOCKED);
            assertThat(p.errorCode()).isEqualTo(326);
        });
        assertThat(second)
                .isInstanceOfSatisfying(
                        ActionResult.Denied.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.ACCOUNT_PAUSED));
        assertThat(events(next)).containsExactly(DENIED);
        assertThat(fixture.requests()).hasSize((int) asked);
        assertThat(dispatcher.dispatch(Actions.post(beta, "hello")).sent()).isTrue();

        health.resume("acme");
        fixture.sandbox.clearFlags("acme");
        assertThat(dispatcher.dispatch(Actions.post(acme, "back")).sent()).isTrue();
    }

    @Test
    void revokedTokensPauseTheAccountForBadCredentials() {
        start(new SandboxFixture());
        fixture.sandbox.flag("acme", AccountFlag.TOKEN_REVOKED);

        dispatcher().dispatch(Actions.post(acme, "hello"));

        assertThat(health.pauseOf("acme"))
                .hasValueSatisfying(p -> assertThat(p.reason()).isEqualTo(PauseReason.BAD_CREDENTIALS));
    }

    @Test
    void thePlatformsDuplicateIsADenial() {
        start(new SandboxFixture());
        ActionDispatcher dispatcher = dispatcher();
        dispatcher.dispatch(Actions.post(acme, "same"));

        ActionResult again = dispatcher.dispatch(Actions.post(acme, "same"));

        assertThat(again)
                .isInstanceOfSatisfying(
                        ActionResult.Denied.class,
                        d -> assertThat(d.code()).isEqualTo(ReasonCode.DUPLICATE_SAME_ACCOUNT));
    }

    @Test
    void aRefusedConnectionIsRetriedWithBackoffAndSentOnce() throws IOException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        start(new SandboxFixture(SandboxLimits.defaults(), port));
        TwitterPlatform platform = fixture.platform(ApiVersion.V2);
        fixture.sandbox.close();
        ActionDispatcher dispatcher = new ActionDispatcher(
                guards, finalChecks, ledger, platform, fixture.clock, health, RetryPolicy.DEFAULT.withSleeper(d -> {
                    waits.add(d);
                    fixture.sandbox.start(); // the platform is back for the next attempt
                }));

        ActionRequest post = Actions.post(acme, "after the outage");
        ActionResult result = dispatcher.dispatch(post);

        assertThat(result.sent()).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(1));
        assertThat(events(post)).containsExactly(ALLOWED, SENT);
        assertThat(fixture.sandbox.sent("acme").posts()).hasSize(1);
    }

    @Test
    void aDroppedAnswerAfterThePostIsReconciledToSentWithExactlyOnePost() {
        start(new SandboxFixture());
        fixture.sandbox.faults(FaultPlan.builder()
                .script(POSTS, s -> s.then(Fault.dropAfter()))
                .build());

        ActionRequest post = Actions.post(acme, "did it go?");
        ActionResult result = dispatcher().dispatch(post);

        List<SandboxPost> made = fixture.sandbox.sent("acme").posts();
        assertThat(made).hasSize(1);
        assertThat(result).isEqualTo(new ActionResult.Sent(made.get(0).id()));
        assertThat(events(post)).containsExactly(ALLOWED, IN_DOUBT, RECONCILED, SENT);
        assertThat(posts())
                .as("one POST: neither the JDK nor Bridle sent it again")
                .isEqualTo(1);
    }

    @Test
    void aDroppedConnectionBeforeThePostIsReconciledAsNotAppliedAndRetriedOnce() {
        start(new SandboxFixture());
        fixture.sandbox.faults(FaultPlan.builder()
                .script(POSTS, s -> s.then(Fault.dropBefore()))
                .build());

        ActionRequest post = Actions.post(acme, "try again");
        ActionResult result = dispatcher().dispatch(post);

        assertThat(result.sent()).isTrue();
        assertThat(fixture.sandbox.sent("acme").posts()).hasSize(1);
        assertThat(events(post)).containsExactly(ALLOWED, IN_DOUBT, RECONCILED, SENT);
        assertThat(records(post).get(2).platformId()).isNull();
        assertThat(posts()).isEqualTo(2);
    }

    @Test
    void aDirectMessageAndAFollowInDoubtAreReconciledFromTheirOwnLists() {
        start(new SandboxFixture());
        fixture.sandbox.faults(FaultPlan.builder()
                .script("POST /2/dm_conversations/with/:participant_id/messages", s -> s.then(Fault.dropAfter()))
                .script("POST /2/users/:id/following", s -> s.then(Fault.dropAfter()))
                .build());
        ActionDispatcher dispatcher = dispatcher();

        ActionResult message = dispatcher.dispatch(Actions.message(acme, anaId, "your code is 42"));
        ActionResult follow = dispatcher.dispatch(Actions.follow(acme, anaId));

        assertThat(fixture.sandbox.dms()).hasSize(1);
        assertThat(message)
                .isEqualTo(new ActionResult.Sent(fixture.sandbox.dms().get(0).id()));
        assertThat(follow).isEqualTo(new ActionResult.Sent(anaId));
        assertThat(fixture.sandbox.follows()).hasSize(1);
    }

    @Test
    void whenReconciliationFailsTheActionStaysInDoubtAndIsNotSentAgain() {
        start(new SandboxFixture());
        fixture.sandbox.faults(FaultPlan.builder()
                .script(POSTS, s -> s.then(Fault.dropAfter()))
                .script("GET /2/users/:id/tweets", s -> s.then(Fault.serviceUnavailable()))
                .build());

        ActionRequest post = Actions.post(acme, "unknown fate");
        ActionResult result = dispatcher().dispatch(post);

        assertThat(result)
                .isInstanceOfSatisfying(
                        ActionResult.Failed.class, f -> assertThat(f.error()).startsWith("in doubt"));
        assertThat(events(post)).containsExactly(ALLOWED, IN_DOUBT);
        assertThat(posts()).isEqualTo(1);
        assertThat(fixture.sandbox.sent("acme").posts()).hasSize(1);
    }

    @Test
    void aDuplicateRefusalOfTheRetryProvesALaggingPostWentOut() {
        start(new SandboxFixture());
        fixture.sandbox.faults(FaultPlan.builder()
                .script(POSTS, s -> s.then(Fault.dropAfter()))
                .build());
        TwitterPlatform real = fixture.platform(ApiVersion.V2);
        AtomicInteger looks = new AtomicInteger();
        Platform lagging = new Platform() {
            @Override
            public PlatformReceipt perform(ActionRequest request) throws PlatformException {
                return real.perform(request);
            }

            @Override
            public List<dev.bridle.bot.Mention> mentionsSince(Account account, String sinceId) {
                return List.of();
            }

            @Override
            public List<dev.bridle.bot.DirectMessage> directMessagesSince(Account account, String sinceId) {
                return List.of();
            }

            @Override
            public Optional<dev.bridle.bot.UserRef> lookupHandle(Account account, String handle) {
                return Optional.empty();
            }

            @Override
            public Account verifyCredentials(Account account) {
                return account;
            }

            @Override
            public Optional<String> findApplied(ActionTrace trace) throws PlatformException {
                // The first look misses the post, as a timeline that has not caught up would.
                return looks.getAndIncrement() == 0 ? Optional.empty() : real.findApplied(trace);
            }
        };

        ActionRequest post = Actions.post(acme, "lagging");
        ActionResult result = dispatcher(lagging).dispatch(post);

        List<SandboxPost> made = fixture.sandbox.sent("acme").posts();
        assertThat(made).hasSize(1);
        assertThat(result).isEqualTo(new ActionResult.Sent(made.get(0).id()));
        assertThat(events(post)).containsExactly(ALLOWED, IN_DOUBT, RECONCILED, RECONCILED, SENT);
        assertThat(posts()).as("the retry was refused as a duplicate").isEqualTo(2);
    }

    @Test
    void afterACrashUnsettledActionsAreReconciledAndNeverResent() {
        start(new SandboxFixture());
        TwitterPlatform platform = fixture.platform(ApiVersion.V2);
        ActionRequest sentBeforeTheCrash = Actions.post(acme, "made it out");
        ActionRequest neverSent = Actions.post(acme, "never left");
        ActionRequest inDoubt = Actions.message(acme, anaId, "maybe");
        ledger.append(LedgerRecords.decision(sentBeforeTheCrash, SandboxFixture.T0, ALLOWED, null, null, null));
        ledger.append(LedgerRecords.decision(neverSent, SandboxFixture.T0, ALLOWED, null, null, null));
        ledger.append(LedgerRecords.decision(inDoubt, SandboxFixture.T0, ALLOWED, null, null, null));
        ledger.append(LedgerRecords.outcome(inDoubt, SandboxFixture.T0, IN_DOUBT, null, "read timed out"));
        String id;
        try {
            id = platform.perform(sentBeforeTheCrash).platformId();
        } catch (PlatformException e) {
            throw new AssertionError(e);
        }
        fixture.sandbox.faults(FaultPlan.builder()
                .script("GET /2/dm_events", s -> s.then(Fault.serviceUnavailable()))
                .build());
        long asked = fixture.requests().stream()
                .filter(r -> !r.method().equals("GET"))
                .count();

        InDoubtRecovery.Report report = new InDoubtRecovery(
                        ledger, new Reconciler(platform), java.util.Map.of("acme", acme), fixture.clock)
                .recover(ledger.unsettled(SandboxFixture.T0.minus(Duration.ofDays(1))), Duration.ZERO);

        assertThat(report).isEqualTo(new InDoubtRecovery.Report(1, 1, 1));
        assertThat(events(sentBeforeTheCrash)).containsExactly(ALLOWED, RECONCILED, SENT);
        assertThat(records(sentBeforeTheCrash).get(2).platformId()).isEqualTo(id);
        assertThat(events(neverSent)).containsExactly(ALLOWED, RECONCILED, FAILED);
        assertThat(events(inDoubt)).as("still in doubt, recorded once").containsExactly(ALLOWED, IN_DOUBT);
        assertThat(fixture.requests().stream()
                        .filter(r -> !r.method().equals("GET"))
                        .count())
                .as("nothing re-sent")
                .isEqualTo(asked);
        assertThat(fixture.sandbox.sent("acme").posts()).hasSize(1);
        assertThat(ledger.unsettled(SandboxFixture.T0.minus(Duration.ofDays(1))))
                .extracting(e -> e.record().requestId())
                .containsOnly(inDoubt.requestId());
    }
}
