package dev.bridle.sandbox;

import dev.bridle.internal.http.HttpLimits;
import dev.bridle.sandbox.audience.Audience;
import dev.bridle.sandbox.audience.AudienceScript;
import dev.bridle.sandbox.fault.FaultPlan;
import dev.bridle.sandbox.internal.GeneratedCredentials;
import dev.bridle.sandbox.internal.SandboxServices;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.audience.AudienceRunner;
import dev.bridle.sandbox.internal.http.SandboxServer;
import dev.bridle.sandbox.internal.world.UserRecord;
import dev.bridle.sandbox.internal.world.World;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A local Twitter/X-compatible API server: the platform in tests, demos and a first run. It speaks the v2 endpoints a
 * bot needs and a v1.1 subset, checks OAuth 1.0a signatures, keeps per-account state, sends the real rate-limit headers
 * and error bodies, can inject faults, pushes Account Activity webhooks, and has an admin API under {@code /admin/}. It
 * binds 127.0.0.1 only.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.builder().account("acme_news").simulatedUser("ana").build().start()) {
 *     SandboxAccount acme = sandbox.account("acme_news");
 *     // point twitter4j at sandbox.v1BaseUrl() with sandbox.app() and acme's token, or POST to v2BaseUrl()
 *     sandbox.injectMention("ana", "acme_news", "hello!");
 *     assertThat(sandbox.sent("acme_news").replies()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>All time (rate windows, daily limits, {@code created_at}, OAuth timestamps) comes from the builder's
 * {@link Clock}.
 *
 * <p>This file is long because it is the whole public surface (accessors, injections, faults, flags, webhooks) plus its
 * {@link Builder}; every behaviour lives in {@code dev.bridle.sandbox.internal}.
 */
public final class Sandbox implements AutoCloseable {
    /** The app generated when none is configured. */
    public static final String DEFAULT_APP_NAME = "bridle-sandbox";

    private final SandboxServices services;
    private final List<SandboxAccount> accounts;
    private final List<SimulatedUser> simulatedUsers;
    private final int requestedPort;
    private final HttpLimits httpLimits;
    private final AudienceRunner audience;
    private SandboxServer server;

    private Sandbox(Builder b) {
        Instant created = b.clock.instant();
        World world = b.timeOrderedIds ? new World(created.toEpochMilli()) : new World();
        List<SandboxApp> apps = new ArrayList<>(b.apps);
        if (apps.isEmpty()) {
            apps.add(new SandboxApp(
                    DEFAULT_APP_NAME,
                    GeneratedCredentials.derive(b.seed, "app:consumer-key", 25),
                    GeneratedCredentials.derive(b.seed, "app:consumer-secret", 50)));
        }
        requireUnique(apps.stream().map(SandboxApp::consumerKey).toList(), "consumer key");
        List<SandboxAccount> accountList = new ArrayList<>();
        for (Object a : b.accounts) {
            SandboxAccount account =
                    a instanceof SandboxAccount given ? given : generated((String) a, world.nextUserId(), b.seed);
            world.addUser(account.handle(), account.userId(), account.displayName(), created, true, account);
            accountList.add(account);
        }
        requireUnique(accountList.stream().map(SandboxAccount::accessToken).toList(), "access token");
        List<SimulatedUser> users = new ArrayList<>(b.simulatedUsers);
        if (b.audience != null) {
            for (SimulatedUser member : b.audience.cast()) {
                if (users.stream().noneMatch(u -> u.handle().equalsIgnoreCase(member.handle()))) {
                    users.add(member);
                }
            }
        }
        List<SimulatedUser> resolved = new ArrayList<>();
        for (SimulatedUser u : users) {
            UserRecord r = world.addUser(u.handle(), u.userId(), u.displayName(), created, u.acceptsDms(), null);
            resolved.add(new SimulatedUser(r.handle(), r.id(), r.name(), r.acceptsDms()));
        }
        this.accounts = List.copyOf(accountList);
        this.simulatedUsers = List.copyOf(resolved);
        this.services = new SandboxServices(b.clock, world, apps, b.limits, b.sleeper, b.seed);
        this.services.faults().set(b.faults);
        this.requestedPort = b.port;
        this.httpLimits = b.httpLimits;
        if (b.audience != null) {
            if (accountList.isEmpty()) {
                throw new IllegalStateException("an audience script needs an account to talk to");
            }
            String target = b.audience.target() != null
                    ? b.audience.target()
                    : accountList.get(0).handle();
            world.userByHandle(target)
                    .filter(UserRecord::isAccount)
                    .orElseThrow(() -> new IllegalStateException(
                            "the audience script's target @" + target + " is not an account"));
            this.audience = new AudienceRunner(b.audience, services.inbound(), world, b.clock, target);
            services.attach(audience);
        } else {
            this.audience = null;
        }
    }

    private static SandboxAccount generated(String handle, String userId, long seed) {
        return new SandboxAccount(
                handle,
                userId,
                Character.toUpperCase(handle.charAt(0)) + handle.substring(1),
                userId + "-" + GeneratedCredentials.derive(seed, "token:" + handle, 40),
                GeneratedCredentials.derive(seed, "token-secret:" + handle, 45));
    }

    private static void requireUnique(List<String> values, String what) {
        if (values.stream().distinct().count() != values.size()) {
            throw new IllegalArgumentException("two entries share one " + what);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Binds 127.0.0.1 and starts answering; the audience script's clock starts now. */
    public synchronized Sandbox start() {
        if (server != null) {
            throw new IllegalStateException("the sandbox is already started");
        }
        SandboxServer s = new SandboxServer(services, requestedPort, httpLimits);
        s.start();
        server = s;
        if (audience != null) {
            audience.restart();
        }
        return this;
    }

    /** Stops the server; the state is kept (a closed sandbox can still be asked what was sent). */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    /** The bound port. */
    public synchronized int port() {
        if (server == null) {
            throw new IllegalStateException("the sandbox is not started");
        }
        return server.port();
    }

    /** {@code http://127.0.0.1:PORT/}: v1.1 is under {@code 1.1/}, v2 under {@code 2/}, admin under {@code admin/}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + port() + "/");
    }

    /** {@code http://127.0.0.1:PORT/1.1/}, for twitter4j's {@code ConfigurationBuilder.setRestBaseURL}. */
    public URI v1BaseUrl() {
        return baseUrl().resolve("1.1/");
    }

    /** {@code http://127.0.0.1:PORT/2/}. */
    public URI v2BaseUrl() {
        return baseUrl().resolve("2/");
    }

    /** {@code http://127.0.0.1:PORT/admin/}. */
    public URI adminUrl() {
        return baseUrl().resolve("admin/");
    }

    /** The apps whose consumer keys are accepted; the first is the default. */
    public List<SandboxApp> apps() {
        return services.apps();
    }

    /** The default app. */
    public SandboxApp app() {
        return services.apps().get(0);
    }

    public List<SandboxAccount> accounts() {
        return accounts;
    }

    /** An account by handle (with its access token and secret). */
    public SandboxAccount account(String handle) {
        return accounts.stream()
                .filter(a -> a.handle().equalsIgnoreCase(strip(handle)))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no account @" + handle + " in the sandbox"));
    }

    /** The simulated users, with their ids. */
    public List<SimulatedUser> simulatedUsers() {
        return simulatedUsers;
    }

    /** Any user's id by handle. */
    public String userId(String handle) {
        return services.user(strip(handle)).id();
    }

    /** Every endpoint as {@code "METHOD /template"}: the ids used by fault rules and rate-limit overrides. */
    public List<String> endpoints() {
        return services.routes().routes().stream().map(Route::endpointId).toList();
    }

    /** The per-window request limit the sandbox enforces on an endpoint. */
    public int rateLimit(String endpointId) {
        return services.rateLimit(endpointId).limit();
    }

    /** What one account did through the API, oldest first. */
    public SentActivity sent(String handle) {
        return services.sent(strip(handle));
    }

    /** Every post, by anyone, oldest first. */
    public List<SandboxPost> posts() {
        return services.world().posts();
    }

    /** Every direct message, oldest first. */
    public List<SandboxDm> dms() {
        return services.world().dms();
    }

    /** Every follow and unfollow, oldest first. */
    public List<SandboxFollow> follows() {
        return services.world().followLog();
    }

    /** Whom a user follows now, most recent first (user ids). */
    public List<String> following(String handle) {
        return services.world().followingOf(userId(handle));
    }

    /** A simulated user mentions an account ("@account " is put in front unless the text names it). */
    public SandboxPost injectMention(String from, String to, String text) {
        return services.inbound().mention(strip(from), strip(to), text);
    }

    /** The same, in the language {@code lang} (a BCP 47 code such as {@code de}; {@code lang:} in search finds it). */
    public SandboxPost injectMention(String from, String to, String text, String lang) {
        return services.inbound().mention(strip(from), strip(to), text, lang);
    }

    /** A simulated user replies to a post. */
    public SandboxPost injectReply(String from, String inReplyToPostId, String text) {
        return services.inbound().reply(strip(from), inReplyToPostId, text);
    }

    /** The same, in the language {@code lang}. */
    public SandboxPost injectReply(String from, String inReplyToPostId, String text, String lang) {
        return services.inbound().reply(strip(from), inReplyToPostId, text, lang);
    }

    /** A simulated user (or an account, as on X rather than through the API) posts on its own. */
    public SandboxPost injectPost(String from, String text) {
        return services.inbound().post(strip(from), text);
    }

    /**
     * The same, in the language {@code lang}: a BCP 47 code as X tags posts ({@code de}, {@code pt-BR}, {@code und}).
     * Posts without one are {@link SandboxPost#DEFAULT_LANG}; the sandbox detects no languages.
     */
    public SandboxPost injectPost(String from, String text, String lang) {
        return services.inbound().post(strip(from), text, lang);
    }

    /** {@code from} follows {@code to} on X (not through the API). */
    public SandboxFollow injectFollow(String from, String to) {
        return services.inbound().follow(strip(from), strip(to));
    }

    /**
     * The post's author deletes it on X. Afterwards {@code GET /2/tweets/:id} answers X's resource-not-found shape, the
     * post leaves search and timelines, and a tweets compliance job reports it deleted.
     */
    public SandboxPost deleteOnX(String postId) {
        return services.inbound().deleteOnX(postId);
    }

    /** A simulated user sends an account a direct message. */
    public SandboxDm injectDm(String from, String to, String text) {
        return services.inbound().dm(strip(from), strip(to), text);
    }

    /** Every API request received (bounded to the last 10,000), oldest first, with how it was answered. */
    public List<SandboxRequest> requests() {
        return services.requests().all();
    }

    /** Replaces the fault plan (scripts start from their beginning, the random draws from the seed). */
    public void faults(FaultPlan plan) {
        services.faults().set(Objects.requireNonNull(plan, "plan"));
    }

    public void clearFaults() {
        services.faults().set(FaultPlan.none());
    }

    /** The faults injected so far, as {@code "METHOD /template -> Fault"} lines. */
    public List<String> injectedFaults() {
        return services.faults().injected();
    }

    /** Sets an account's flags (replacing the ones it had). */
    public void flag(String handle, AccountFlag... flags) {
        Set<AccountFlag> set = EnumSet.noneOf(AccountFlag.class);
        set.addAll(List.of(flags));
        services.setFlags(strip(handle), set);
    }

    /** Clears an account's flags. */
    public void clearFlags(String handle) {
        services.setFlags(strip(handle), Set.of());
    }

    /** Registers a loopback webhook for the default app, after a successful CRC check. */
    public SandboxWebhook registerWebhook(URI url) {
        return services.webhooks().register(url, app().consumerKey());
    }

    /** Registers a loopback webhook signed with the given app's consumer secret. */
    public SandboxWebhook registerWebhook(URI url, String consumerKey) {
        return services.webhooks().register(url, consumerKey);
    }

    public List<SandboxWebhook> webhooks() {
        return services.webhooks().webhooks();
    }

    /** Every event POSTed to a webhook, oldest first. */
    public List<WebhookDelivery> webhookDeliveries() {
        return services.webhooks().deliveries();
    }

    /** The scripted audience, when the builder was given one. */
    public Optional<Audience> audience() {
        return Optional.ofNullable(audience);
    }

    /**
     * Invalidates the app-only bearer token the sandbox issued to the app {@code consumerKey}, as {@code POST
     * /oauth2/invalidate_token} does (or as X may at any time): requests carrying it get 401, code 89, and the next
     * {@code POST /oauth2/token} issues a different one. Whether the app had a token.
     */
    public boolean invalidateBearerToken(String consumerKey) {
        return services.appTokens().invalidate(consumerKey);
    }

    /**
     * Forgets all activity, rate windows, daily counters, nonces, faults, webhooks, stream rules and the request log;
     * users, ids and credentials (bearer tokens included) stay.
     */
    public void reset() {
        services.reset();
    }

    private static String strip(String handle) {
        Objects.requireNonNull(handle, "handle");
        return handle.startsWith("@") ? handle.substring(1) : handle;
    }

    /** Configures a {@link Sandbox}; every option has a default. */
    public static final class Builder {
        private int port;
        private Clock clock = Clock.systemUTC();
        private long seed;
        private final List<SandboxApp> apps = new ArrayList<>();
        private final List<Object> accounts = new ArrayList<>();
        private final List<SimulatedUser> simulatedUsers = new ArrayList<>();
        private SandboxLimits limits = SandboxLimits.defaults();
        private FaultPlan faults = FaultPlan.none();
        private AudienceScript audience;
        private Sleeper sleeper = Sleeper.real();
        private HttpLimits httpLimits = SandboxServer.LIMITS;
        private boolean timeOrderedIds;

        private Builder() {}

        /**
         * Post and message ids from the clock, as the platform's snowflakes are, instead of the fixed
         * {@code 1800000000000000001} onwards: a sandbox started again, against a store that kept an earlier one's
         * polling cursors and claims, then gives out ids above all of theirs.
         */
        public Builder timeOrderedIds() {
            this.timeOrderedIds = true;
            return this;
        }

        /** The port on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0..65535, was " + port);
            }
            this.port = port;
            return this;
        }

        /** The sandbox clock (default: system UTC). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** The seed of generated credentials and webhook CRC tokens (default 0). */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** An app whose consumer key is accepted; without any, one is generated from the seed. */
        public Builder app(String name, String consumerKey, String consumerSecret) {
            apps.add(new SandboxApp(name, consumerKey, consumerSecret));
            return this;
        }

        public Builder app(SandboxApp app) {
            apps.add(Objects.requireNonNull(app, "app"));
            return this;
        }

        /** An account with generated id and credentials (deterministic from the seed and the handle). */
        public Builder account(String handle) {
            SimulatedUser.requireHandle(handle);
            accounts.add(handle);
            return this;
        }

        /** An account with the given id and credentials. */
        public Builder account(SandboxAccount account) {
            accounts.add(Objects.requireNonNull(account, "account"));
            return this;
        }

        /** A simulated user with a generated id who accepts DMs. */
        public Builder simulatedUser(String handle) {
            simulatedUsers.add(SimulatedUser.named(handle));
            return this;
        }

        public Builder simulatedUser(SimulatedUser user) {
            simulatedUsers.add(Objects.requireNonNull(user, "user"));
            return this;
        }

        /** Daily limits, duplicate window, timestamp tolerance, rate-limit overrides. */
        public Builder limits(SandboxLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** The initial fault plan (default: none). */
        public Builder faults(FaultPlan plan) {
            this.faults = Objects.requireNonNull(plan, "plan");
            return this;
        }

        /** A scripted audience; its cast is added as simulated users. */
        public Builder audience(AudienceScript script) {
            this.audience = Objects.requireNonNull(script, "script");
            return this;
        }

        /** How latency faults wait (default: really sleep). */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Its HTTP server's workers, queue and timeouts (default: 8 workers, a queue of 32, 10 s for a request's
         * headers and for its body); a client slower than that is dropped.
         */
        public Builder httpLimits(HttpLimits limits) {
            this.httpLimits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Validates and builds; call {@link Sandbox#start()} to listen. */
        public Sandbox build() {
            return new Sandbox(this);
        }
    }
}
