package dev.bridle.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Environment;
import dev.bridle.consent.ConsentScope;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.platform.PlatformFactory;
import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.internal.runtime.RuntimeOptions;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.TestStores;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.RateLimitFeedback;
import dev.bridle.sandbox.MutableClock;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the platform says of its rate limits is kept once ({@link PlatformLimits}), in a running Bridle on the real
 * sandbox: a refusal the adapter met on a call that passed no plan defers the plan's next action without a request, and
 * a refusal reported through the port from anywhere stops the adapter's next request, its reads included. Before, the
 * adapter kept its own copy ({@code RateLimitGate}) that no report through the port reached.
 */
class OneRateLimitStateTest {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    static final String POSTS = "POST /2/tweets";
    static final String MENTIONS = "GET /2/users/:id/mentions";

    /** On schedule, runs what the test gave it. */
    public static final class Actor implements Bot {
        static volatile Function<BotContext, ActionResult> next;
        static volatile ActionResult last;

        @Override
        public void onSchedule(BotContext ctx) {
            last = next.apply(ctx);
        }
    }

    @TempDir
    Path dir;

    private final MutableClock clock = MutableClock.at(T0);
    private final AtomicReference<Platform> adapter = new AtomicReference<>();
    private Sandbox sandbox;
    private BridleRuntime runtime;
    private Account acme;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder()
                .clock(clock)
                .limits(SandboxLimits.defaults().withTimestampTolerance(Duration.ofDays(36_500)))
                .account("acme_news")
                .simulatedUser("ana")
                .build()
                .start();
        SandboxAccount account = sandbox.account("acme_news");
        BridleConfig config = new BridleConfig(
                "<rate-limits>",
                Environment.DEV,
                new AppConfig("acme-bots-dev", "rate-limit tests"),
                false,
                TestStores.h2(dir),
                new PlatformConfig(
                        PlatformConfig.ApiVersion.V2, sandbox.baseUrl().toString()),
                new SchedulerConfig(1),
                List.of(),
                List.of(new AccountConfig(
                        "acme_news",
                        new Credentials(
                                Secret.of(sandbox.app().consumerKey()),
                                Secret.of(sandbox.app().consumerSecret()),
                                Secret.of(account.accessToken()),
                                Secret.of(account.accessTokenSecret())))),
                List.of(new BotConfig("actor", Actor.class.getName(), "acme_news", null, Set.of())));
        runtime = BridleRuntime.create(
                config,
                limits -> {
                    adapter.set(PlatformFactory.connect(config, clock, limits));
                    return adapter.get();
                },
                clock,
                RuntimeOptions.defaults().classLoader(getClass().getClassLoader()));
        acme = runtime.accounts().get("acme_news");
    }

    @AfterEach
    void stop() {
        try {
            runtime.close();
        } finally {
            sandbox.close();
        }
    }

    private ActionResult act(Function<BotContext, ActionResult> action) {
        Actor.next = action;
        runtime.bots().runScheduled("actor");
        return Actor.last;
    }

    /** A post sent straight to the adapter, as a call that passes no plan (a retry, a reconciliation) is. */
    private ActionRequest directPost(String text) {
        return new ActionRequest(
                UUID.randomUUID(), "actor", acme, ActionKind.POST, text, List.of(), null, null, clock.instant());
    }

    private void assertDeferredByThePlan(ActionResult result) {
        assertThat(result)
                .isInstanceOfSatisfying(
                        ActionResult.Deferred.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.RATE_LIMITED));
        LedgerRecord last = runtime.ledger().tail(1).get(0).record();
        assertThat(last.event()).isEqualTo(LedgerEvent.DEFERRED);
        assertThat(last.guard()).as("refused inside the plan").isEqualTo("throttle-platform");
    }

    @Test
    void aRateLimitTheAdapterMetOutsideThePlanDefersThePlansNextPostsWithoutARequest() {
        sandbox.faults(FaultPlan.builder()
                .script(POSTS, s -> s.then(Fault.tooManyRequests()))
                .build());
        PlatformException limited = catchThrowableOfType(
                PlatformException.class, () -> adapter.get().perform(directPost("one")));
        assertThat(limited.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
        int requests = sandbox.requests().size();
        runtime.consents()
                .grant(ConsentGrant.of(
                        sandbox.userId("ana"),
                        EnumSet.allOf(ConsentScope.class),
                        Evidence.reference(Channel.API, "signup form 3")));

        assertDeferredByThePlan(act(ctx -> ctx.actions().post("two")));
        clock.advance(Duration.ofSeconds(31));
        assertDeferredByThePlan(act(ctx -> ctx.actions()
                .reply(
                        new dev.bridle.bot.PostRef("1", new UserRef(sandbox.userId("ana"), "ana")),
                        "next week (the same endpoint)")));

        assertThat(sandbox.requests()).as("nothing sent before the reset").hasSize(requests);
        clock.set(limited.retryAt());
        assertThat(act(ctx -> ctx.actions().post("three")).sent()).isTrue();
    }

    @Test
    void aRefusalReportedThroughThePortStopsTheAdaptersNextRequestsReadsIncluded() {
        RateLimitFeedback port = runtime.throttles().feedback();
        Instant reset = T0.plus(Duration.ofMinutes(15));
        runtime.poller().pollMentions();
        int requests = sandbox.requests().size();

        port.exhausted(acme, ActionKind.POST, reset);
        port.observedRead(acme, MENTIONS, 180, 0, reset);

        PlatformException e = catchThrowableOfType(
                PlatformException.class, () -> adapter.get().perform(directPost("one")));
        assertThat(e.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
        assertThat(e.getMessage()).contains("no request was made");
        runtime.poller().pollMentions();
        assertDeferredByThePlan(act(ctx -> ctx.actions().post("two")));
        assertThat(sandbox.requests()).as("no post, no poll").hasSize(requests);

        clock.set(reset);
        runtime.poller().pollMentions();
        assertThat(sandbox.requests()).as("the poll goes after the reset").hasSize(requests + 1);
    }

    @Test
    void aRateLimitMetWhilePollingIsInTheOneStateAndTheNextPollWaitsForTheReset() {
        sandbox.faults(FaultPlan.builder()
                .script(MENTIONS, s -> s.then(Fault.tooManyRequests()))
                .build());
        runtime.poller().pollMentions();
        int requests = sandbox.requests().size();

        PlatformLimits limits = runtime.throttles().feedback();
        assertThat(limits.refusalOfRead(acme, MENTIONS))
                .as("kept where the plan's step reads")
                .isPresent();
        runtime.poller().pollMentions();

        assertThat(sandbox.requests()).as("no poll before the reset").hasSize(requests);
        clock.set(limits.refusalOfRead(acme, MENTIONS).orElseThrow().until());
        runtime.poller().pollMentions();
        assertThat(sandbox.requests()).hasSize(requests + 1);
    }
}
