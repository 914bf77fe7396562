package dev.bridle.sandbox.internal;

import dev.bridle.sandbox.AccountFlag;
import dev.bridle.sandbox.SandboxApp;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.SentActivity;
import dev.bridle.sandbox.Sleeper;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.api.RouteTable;
import dev.bridle.sandbox.internal.audience.AudienceRunner;
import dev.bridle.sandbox.internal.faults.FaultInjector;
import dev.bridle.sandbox.internal.limits.PublishedRateLimits;
import dev.bridle.sandbox.internal.limits.RateLimit;
import dev.bridle.sandbox.internal.limits.RateWindows;
import dev.bridle.sandbox.internal.oauth.CredentialLookup;
import dev.bridle.sandbox.internal.oauth.OAuthVerifier;
import dev.bridle.sandbox.internal.oauth2.AppTokens;
import dev.bridle.sandbox.internal.oauth2.BearerCheck;
import dev.bridle.sandbox.internal.v1.DirectMessagesV1;
import dev.bridle.sandbox.internal.v1.FriendshipsV1;
import dev.bridle.sandbox.internal.v1.StatusesV1;
import dev.bridle.sandbox.internal.v1.UsersV1;
import dev.bridle.sandbox.internal.v2.DmsV2;
import dev.bridle.sandbox.internal.v2.EngagementV2;
import dev.bridle.sandbox.internal.v2.FollowsV2;
import dev.bridle.sandbox.internal.v2.ReadsV2;
import dev.bridle.sandbox.internal.v2.StreamRuleBook;
import dev.bridle.sandbox.internal.v2.StreamRulesV2;
import dev.bridle.sandbox.internal.v2.TimelinesV2;
import dev.bridle.sandbox.internal.v2.TweetsV2;
import dev.bridle.sandbox.internal.v2.UsersV2;
import dev.bridle.sandbox.internal.webhook.WebhookRegistry;
import dev.bridle.sandbox.internal.world.AccountActions;
import dev.bridle.sandbox.internal.world.DailyUsage;
import dev.bridle.sandbox.internal.world.Inbound;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sandbox's parts, wired: state, rules, OAuth, rate windows, faults, webhooks, the route table and the audience.
 * The public {@code Sandbox} and the admin API are thin layers over this.
 */
public final class SandboxServices {
    private final Clock clock;
    private final World world;
    private final DailyUsage usage = new DailyUsage();
    private final AccountActions actions;
    private final Inbound inbound;
    private final OAuthVerifier verifier;
    private final RateWindows windows = new RateWindows();
    private final Map<String, RateLimit> rateTable;
    private final FaultInjector faults = new FaultInjector();
    private final RequestLog requests = new RequestLog();
    private final StreamRuleBook streamRules = new StreamRuleBook();
    private final AppTokens appTokens = new AppTokens();
    private final BearerCheck bearerCheck = new BearerCheck(appTokens);
    private final Sleeper sleeper;
    private final List<SandboxApp> apps;
    private final WebhookRegistry webhooks;
    private final RouteTable routes;
    private AudienceRunner audience;

    public SandboxServices(
            Clock clock, World world, List<SandboxApp> apps, SandboxLimits limits, Sleeper sleeper, long seed) {
        this.clock = clock;
        this.world = world;
        this.apps = List.copyOf(apps);
        this.sleeper = sleeper;
        this.actions = new AccountActions(world, usage, limits, clock);
        this.inbound = new Inbound(world, clock);
        this.rateTable = PublishedRateLimits.table(limits.rateLimitOverrides());
        this.verifier = new OAuthVerifier(new Lookup(), clock, limits.timestampTolerance());
        this.webhooks = new WebhookRegistry(world, clock, seed, apps);
        world.addListener(webhooks);
        List<Route> all = new ArrayList<>();
        all.addAll(new TweetsV2(actions).routes());
        all.addAll(new UsersV2(world).routes());
        all.addAll(new ReadsV2(world, clock).routes());
        all.addAll(new StreamRulesV2(streamRules, clock).routes());
        all.addAll(new TimelinesV2(world).routes());
        all.addAll(new FollowsV2(actions, world).routes());
        all.addAll(new EngagementV2(actions, world).routes());
        all.addAll(new DmsV2(actions, world).routes());
        all.addAll(new StatusesV1(actions, world).routes());
        all.addAll(new FriendshipsV1(actions, world).routes());
        all.addAll(new DirectMessagesV1(actions).routes());
        all.addAll(new UsersV1(world).routes());
        this.routes = new RouteTable(all);
    }

    /** Attaches the audience (it listens to the world from now on). */
    public void attach(AudienceRunner runner) {
        this.audience = runner;
        world.addListener(runner);
    }

    public Clock clock() {
        return clock;
    }

    public World world() {
        return world;
    }

    public Inbound inbound() {
        return inbound;
    }

    public OAuthVerifier verifier() {
        return verifier;
    }

    public RateWindows windows() {
        return windows;
    }

    public FaultInjector faults() {
        return faults;
    }

    public RequestLog requests() {
        return requests;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    public List<SandboxApp> apps() {
        return apps;
    }

    public WebhookRegistry webhooks() {
        return webhooks;
    }

    /** The app-only bearer tokens issued ({@code POST /oauth2/token}). */
    public AppTokens appTokens() {
        return appTokens;
    }

    /** Authenticates requests to app-only endpoints. */
    public BearerCheck bearerCheck() {
        return bearerCheck;
    }

    public RouteTable routes() {
        return routes;
    }

    public Optional<AudienceRunner> audience() {
        return Optional.ofNullable(audience);
    }

    /** The rate limit of an endpoint (the unlisted default when the table has no row). */
    public RateLimit rateLimit(String endpointId) {
        RateLimit row = rateTable.get(endpointId);
        return row != null ? row : PublishedRateLimits.unlisted(endpointId);
    }

    public Map<String, RateLimit> rateTable() {
        return rateTable;
    }

    /** What an account did, oldest first. */
    public SentActivity sent(String handle) {
        UserRecord user = user(handle);
        List<SandboxPost> mine = world.postsBy(user.id());
        return new SentActivity(
                user.handle(),
                mine.stream().filter(p -> !p.isReply() && !p.isRepost()).toList(),
                mine.stream().filter(SandboxPost::isReply).toList(),
                world.dms().stream().filter(d -> d.senderId().equals(user.id())).toList(),
                world.followLog().stream()
                        .filter(f -> f.sourceId().equals(user.id()))
                        .toList(),
                world.likes().stream().filter(l -> l.userId().equals(user.id())).toList(),
                mine.stream().filter(SandboxPost::isRepost).toList());
    }

    public UserRecord user(String handle) {
        return world.userByHandle(handle)
                .orElseThrow(() -> new IllegalArgumentException("no user @" + handle + " in the sandbox"));
    }

    public void setFlags(String handle, Set<AccountFlag> flags) {
        UserRecord user = user(handle);
        if (!user.isAccount()) {
            throw new IllegalArgumentException("@" + handle + " is a simulated user, not an account");
        }
        user.setFlags(flags);
    }

    /**
     * Back to a fresh start: no activity, windows, counters, nonces, faults, webhooks, stream rules or request log;
     * users and credentials (access tokens, app-only bearer tokens) stay.
     */
    public void reset() {
        world.clearActivity();
        usage.clear();
        windows.clear();
        verifier.reset();
        faults.set(dev.bridle.sandbox.fault.FaultPlan.none());
        webhooks.clear();
        streamRules.clear();
        requests.clear();
        if (audience != null) {
            audience.restart();
        }
    }

    private final class Lookup implements CredentialLookup {
        @Override
        public Optional<String> consumerSecret(String consumerKey) {
            return apps.stream()
                    .filter(a -> a.consumerKey().equals(consumerKey))
                    .map(SandboxApp::consumerSecret)
                    .findFirst();
        }

        @Override
        public Optional<TokenOwner> token(String accessToken) {
            return world.users().stream()
                    .filter(u -> u.isAccount() && u.account().accessToken().equals(accessToken))
                    .findFirst()
                    .map(u ->
                            new TokenOwner(u.id(), u.account().accessTokenSecret(), u.has(AccountFlag.TOKEN_REVOKED)));
        }
    }
}
