package dev.bridle.internal.platform.twitter;

import dev.bridle.bot.Account;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.Post;
import dev.bridle.bot.PostPage;
import dev.bridle.bot.StreamRule;
import dev.bridle.bot.UserPage;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.internal.secret.Secret;
import dev.bridle.platform.ActionTrace;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformReceipt;
import dev.bridle.platform.RateLimitFeedback;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@link Platform} on X, through twitter4j 4.0.7: one OAuth 1.0a signed client per account, X API v2 endpoints by
 * default, the v1.1 ones ({@code statuses/update}, {@code friendships/create} and {@code destroy},
 * {@code direct_messages/events/new}, {@code statuses/mentions_timeline}, {@code users/lookup}) when configured for
 * tiers that still have them. Likes, reposts and the reads v1.1 lacks in Bridle's set (direct messages, the following
 * list) use v2 either way.
 *
 * <pre>{@code
 * Platform x = TwitterPlatform.builder()
 *         .account("acme_news", credentials)          // one per account
 *         .api(ApiVersion.V2)                         // the default
 *         .baseUrl("https://api.x.com/")              // the default; a sandbox's URL in tests
 *         .rateLimits(limits)                          // what the platform said of its limits; the plan reads it too
 *         .clock(clock)
 *         .build();
 * }</pre>
 *
 * <p>Every request passes one seam (a per-account {@code SignedHttp}): a request the platform has said it will refuse
 * (rate limit until its reset, daily limit until its window ends) is not made, as {@link PlatformLimits} knows it; the
 * {@code x-rate-limit-*} headers of every answer and every refusal go there through its port, the
 * {@link RateLimitFeedback}; errors become a {@link PlatformException} of the kind that says what to do. It sends what
 * it is asked to: a dry run is the decision plan's ({@code DryRunGuard}), which refuses every action before the
 * dispatcher's one call here. It never puts a credential in a message or a log line.
 *
 * <p>Loading the class turns off the JDK's silent re-send of a POST whose connection dropped
 * ({@code sun.net.http.retryPost=false}), which would otherwise be a second write Bridle never decided; see
 * {@link #configureJvm()}.
 */
public final class TwitterPlatform implements Platform {

    static {
        JdkHttpSettings.apply();
    }

    /** Connection timeout unless set: a connection not made is certainly not applied, so it can be short. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** Read timeout unless set: a write that times out here is in doubt and gets reconciled. */
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");

    private final ApiVersion api;
    private final Urls urls;
    private final Map<String, Session> sessions;
    private final Posts posts;
    private final Follows follows;
    private final Messages messages;
    private final Mentions mentions;
    private final Users users;
    private final EngagementV2 engagement;
    private final DmEventsV2 dmEvents;
    private final AppliedLookup applied;
    private final ReadsV2 reads;
    private final StreamRulesV2 streamRules;

    private TwitterPlatform(Builder b) {
        this.api = b.api;
        this.urls = Urls.of(b.baseUrl);
        boolean v2 = api == ApiVersion.V2;
        this.posts = v2 ? new PostsV2(urls) : new PostsV1(urls);
        this.follows = v2 ? new FollowsV2(urls) : new FollowsV1(urls);
        this.messages = v2 ? new MessagesV2(urls) : new MessagesV1(urls);
        this.mentions = v2 ? new MentionsV2(urls) : new MentionsV1(urls);
        this.users = v2 ? new UsersV2(urls) : new UsersV1(urls);
        this.engagement = new EngagementV2(urls);
        this.dmEvents = new DmEventsV2(urls);
        this.reads = new ReadsV2(urls);
        this.streamRules = new StreamRulesV2(urls);
        this.applied = new AppliedLookup(posts, new FollowingV2(urls), engagement, dmEvents);
        PlatformLimits limits = b.limits != null ? b.limits : PlatformLimits.inMemory(b.clock);
        Map<String, Session> byHandle = new LinkedHashMap<>();
        // One bearer token per app (consumer key), shared by its accounts, as X issues one per app.
        Map<Secret, AppBearer> apps = new HashMap<>();
        b.credentials.forEach((handle, credentials) -> {
            Session session = new Session(handle);
            AppBearer app = apps.computeIfAbsent(
                    credentials.consumerKey(),
                    k -> new AppBearer(credentials, urls, b.connectTimeout, b.readTimeout, b.clock, b.tap));
            session.connect(new SignedHttp(
                    handle,
                    session::account,
                    credentials,
                    b.connectTimeout,
                    b.readTimeout,
                    limits,
                    b.clock,
                    b.tap,
                    app));
            byHandle.put(key(handle), session);
        });
        this.sessions = Map.copyOf(byHandle);
    }

    /**
     * Sets what the JVM must have before the first HTTP call (see the class comment): the JDK's silent re-send of a
     * POST after a dropped connection off, twitter4j's logging off. Loading this class does it; call it explicitly
     * before anything else in the JVM uses {@code HttpURLConnection}. Safe to call more than once.
     */
    public static void configureJvm() {
        JdkHttpSettings.apply();
    }

    /** A builder; accounts are required, everything else has a default. */
    public static Builder builder() {
        return new Builder();
    }

    /** The API writes use. */
    public ApiVersion api() {
        return api;
    }

    /** The base URL requests go to ({@code .../1.1/} and {@code .../2/} under it). */
    public String baseUrl() {
        return urls.base();
    }

    @Override
    public PlatformReceipt perform(ActionRequest request) throws PlatformException {
        Session session = session(request.account());
        String me = userId(session, request.account());
        return new PlatformReceipt(
                switch (request.kind()) {
                    case POST -> posts.create(session, request.text(), null);
                    case REPLY -> posts.create(session, request.text(), post(request));
                    case DIRECT_MESSAGE ->
                        messages.send(session, target(request, TargetRole.RECIPIENT), request.text());
                    case FOLLOW -> {
                        String target = target(request, TargetRole.FOLLOWED);
                        follows.follow(session, me, target);
                        yield target;
                    }
                    case UNFOLLOW -> {
                        String target = target(request, TargetRole.UNFOLLOWED);
                        follows.unfollow(session, me, target);
                        yield target;
                    }
                    case LIKE -> {
                        String post = post(request);
                        engagement.like(session, me, post);
                        yield post;
                    }
                    case REPOST -> {
                        String post = post(request);
                        engagement.repost(session, me, post);
                        yield post;
                    }
                });
    }

    @Override
    public List<Mention> mentionsSince(Account account, String sinceId) throws PlatformException {
        Session session = session(account);
        return mentions.since(session, userId(session, account), sinceId);
    }

    @Override
    public List<DirectMessage> directMessagesSince(Account account, String sinceId) throws PlatformException {
        Session session = session(account);
        return dmEvents.received(session, userId(session, account), sinceId);
    }

    @Override
    public Optional<UserRef> lookupHandle(Account account, String handle) throws PlatformException {
        String name = handle.startsWith("@") ? handle.substring(1) : handle;
        if (!HANDLE.matcher(name).matches()) {
            return Optional.empty();
        }
        return users.byHandle(session(account), name);
    }

    /**
     * {@inheritDoc}
     *
     * @throws PlatformException {@code BAD_CREDENTIALS} also when the credentials belong to another account
     */
    @Override
    public Account verifyCredentials(Account account) throws PlatformException {
        Session session = session(account);
        UserRef me = users.me(session);
        if (me.handle() != null && !me.handle().equalsIgnoreCase(account.handle())) {
            throw new PlatformException(
                    PlatformException.Kind.BAD_CREDENTIALS,
                    "the credentials configured for @" + account.handle() + " belong to @" + me.handle());
        }
        session.userId(me.id());
        return new Account(account.handle(), me.id());
    }

    @Override
    public Optional<String> findApplied(ActionTrace trace) throws PlatformException {
        Session session = session(trace.account());
        return applied.find(session, userId(session, trace.account()), trace);
    }

    @Override
    public Optional<UserRef> lookupUser(Account account, String userId) throws PlatformException {
        return reads.userById(session(account), userId);
    }

    @Override
    public Optional<Post> readPost(Account account, String postId) throws PlatformException {
        return reads.post(session(account), postId);
    }

    @Override
    public PostPage searchRecent(Account account, String query, int maxResults, String pageToken)
            throws PlatformException {
        if (query == null || query.isBlank()) {
            throw new PlatformException(PlatformException.Kind.REJECTED, "a search needs a query");
        }
        return reads.search(session(account), query, maxResults, pageToken);
    }

    @Override
    public PostPage ownPosts(Account account, int maxResults, String pageToken) throws PlatformException {
        Session session = session(account);
        return reads.ownPosts(session, userId(session, account), maxResults, pageToken);
    }

    @Override
    public PostPage mentions(Account account, int maxResults, String pageToken) throws PlatformException {
        Session session = session(account);
        return reads.mentions(session, userId(session, account), maxResults, pageToken);
    }

    @Override
    public UserPage followers(Account account, int maxResults, String pageToken) throws PlatformException {
        Session session = session(account);
        return reads.followers(session, userId(session, account), maxResults, pageToken);
    }

    @Override
    public Set<String> deletedPosts(Account account, Collection<String> postIds) throws PlatformException {
        return reads.deleted(session(account), postIds);
    }

    @Override
    public List<StreamRule> streamRules(Account account) throws PlatformException {
        return streamRules.list(session(account));
    }

    @Override
    public StreamRule addStreamRule(Account account, String value, String tag) throws PlatformException {
        if (value == null || value.isBlank()) {
            throw new PlatformException(PlatformException.Kind.REJECTED, "a stream rule needs a value");
        }
        return streamRules.add(session(account), value, tag);
    }

    @Override
    public Set<String> deleteStreamRules(Account account, Collection<String> ids) throws PlatformException {
        return streamRules.delete(session(account), ids);
    }

    private Session session(Account account) throws PlatformException {
        Session session = sessions.get(key(account.handle()));
        if (session == null) {
            throw new PlatformException(
                    PlatformException.Kind.REJECTED,
                    "no credentials for @" + account.handle() + " were given to the platform adapter");
        }
        return session;
    }

    /** The account's user id: as the caller knows it, as verified before, or verified now. */
    private String userId(Session session, Account account) throws PlatformException {
        if (account.userId() != null) {
            return account.userId();
        }
        if (session.userId() == null) {
            verifyCredentials(account);
        }
        return session.userId();
    }

    private static String target(ActionRequest request, TargetRole role) throws PlatformException {
        return request.targets().stream()
                .filter(t -> t.role() == role)
                .map(Target::user)
                .map(UserRef::id)
                .findFirst()
                .orElseThrow(() -> new PlatformException(
                        PlatformException.Kind.REJECTED,
                        "a " + request.kind() + " needs a " + role.name().toLowerCase(Locale.ROOT) + " target"));
    }

    private static String post(ActionRequest request) throws PlatformException {
        if (request.post() == null) {
            throw new PlatformException(
                    PlatformException.Kind.REJECTED, "a " + request.kind() + " needs the post it acts on");
        }
        return request.post().id();
    }

    private static String key(String handle) {
        return (handle.startsWith("@") ? handle.substring(1) : handle).toLowerCase(Locale.ROOT);
    }

    /** Configures a {@link TwitterPlatform}. */
    public static final class Builder {
        private final Map<String, Credentials> credentials = new LinkedHashMap<>();
        private ApiVersion api = ApiVersion.V2;
        private String baseUrl = Urls.DEFAULT_BASE;
        private Clock clock = Clock.systemUTC();
        private PlatformLimits limits;
        private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
        private Duration readTimeout = DEFAULT_READ_TIMEOUT;
        private WireTap tap = WireTap.NONE;

        private Builder() {}

        /** An account and its OAuth 1.0a user-context credentials. */
        public Builder account(String handle, Credentials credentials) {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(credentials, "credentials");
            String h = handle.startsWith("@") ? handle.substring(1) : handle;
            if (credentials.consumerKey().isEmpty()
                    || credentials.consumerSecret().isEmpty()
                    || credentials.accessToken().isEmpty()
                    || credentials.accessTokenSecret().isEmpty()) {
                throw new IllegalArgumentException("the credentials of @" + h + " have an empty part");
            }
            if (this.credentials.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(h))) {
                throw new IllegalArgumentException("@" + h + " is given twice");
            }
            this.credentials.put(h, credentials);
            return this;
        }

        /** Which API writes use (default v2). */
        public Builder api(ApiVersion api) {
            this.api = Objects.requireNonNull(api, "api");
            return this;
        }

        /** The base URL (default {@code https://api.x.com/}); v1.1 is under {@code 1.1/}, v2 under {@code 2/}. */
        public Builder baseUrl(String baseUrl) {
            this.baseUrl = baseUrl == null ? Urls.DEFAULT_BASE : baseUrl;
            return this;
        }

        /** The clock for rate-limit windows (default system UTC). twitter4j signs with the wall clock regardless. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * What the platform said of its limits, kept where the plan reads it too: the adapter reports there every
         * answer's headers and refusals, and asks it before every request. Default: a state of this adapter's own, in
         * memory.
         */
        public Builder rateLimits(PlatformLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Connection and read timeouts (defaults {@link #DEFAULT_CONNECT_TIMEOUT}, {@link #DEFAULT_READ_TIMEOUT}). */
        public Builder timeouts(Duration connect, Duration read) {
            if (connect.isNegative() || connect.isZero() || read.isNegative() || read.isZero()) {
                throw new IllegalArgumentException("timeouts must be positive");
            }
            this.connectTimeout = connect;
            this.readTimeout = read;
            return this;
        }

        /** Sees every request before it goes (tests). */
        Builder wireTap(WireTap tap) {
            this.tap = Objects.requireNonNull(tap, "tap");
            return this;
        }

        /**
         * Builds it; no request is made until the platform is used.
         *
         * @throws IllegalArgumentException if no account is given or the base URL is not an http(s) URL
         */
        public TwitterPlatform build() {
            if (credentials.isEmpty()) {
                throw new IllegalArgumentException("the platform adapter needs at least one account with credentials");
            }
            return new TwitterPlatform(this);
        }
    }
}
