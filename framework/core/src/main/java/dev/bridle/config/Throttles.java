package dev.bridle.config;

import dev.bridle.guard.ActionKind;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The limits on what accounts do, as {@code throttles:} in {@code bridle.yaml} sets them; start from
 * {@link #defaults()} and change what differs. Each {@code with} method returns a new value. The limits are checked
 * against the platform's ceilings when Bridle is built: a configuration whose worst case could reach one is refused.
 *
 * <pre>{@code
 * Throttles throttles = Throttles.defaults()
 *         .withLimits(ActionKind.POST, Limit.perHour(4), Limit.perDay(20))
 *         .withLimits("acme_news", ActionKind.POST, Limit.perDay(60))
 *         .withOnThrottle("digest", OnThrottle.DROP);
 * }</pre>
 */
public final class Throttles {

    /** Posts: 10 an hour, 50 a day, against the platform's 2,400 a day; a steady stream is what gets flagged. */
    public static final List<Limit> DEFAULT_POST_LIMITS = List.of(Limit.perHour(10), Limit.perDay(50));
    /** Replies: 20 an hour, 100 a day; each reply also passes consent and one-per-interaction. */
    public static final List<Limit> DEFAULT_REPLY_LIMITS = List.of(Limit.perHour(20), Limit.perDay(100));
    /** Direct messages: 20 an hour, 100 a day, against the platform's 500 a day. */
    public static final List<Limit> DEFAULT_DIRECT_MESSAGE_LIMITS = List.of(Limit.perHour(20), Limit.perDay(100));
    /** Follows: 10 an hour, 50 a day, well below the platform's technical 400 a day. */
    public static final List<Limit> DEFAULT_FOLLOW_LIMITS = List.of(Limit.perHour(10), Limit.perDay(50));
    /** Unfollows: the same budget as follows; automated un-following is named as aggressive. */
    public static final List<Limit> DEFAULT_UNFOLLOW_LIMITS = List.of(Limit.perHour(10), Limit.perDay(50));
    /** Likes: 5 an hour, 25 a day; the rules discourage automated likes altogether. */
    public static final List<Limit> DEFAULT_LIKE_LIMITS = List.of(Limit.perHour(5), Limit.perDay(25));
    /** Reposts: 5 an hour, 25 a day. */
    public static final List<Limit> DEFAULT_REPOST_LIMITS = List.of(Limit.perHour(5), Limit.perDay(25));
    /** Three automated replies, mentions and DMs a day to one user, from all the operator's accounts together. */
    public static final List<Limit> DEFAULT_TARGET_CONTACTS = List.of(Limit.perDay(3));
    /** Thirty seconds between two actions of one account: no bursts. */
    public static final Duration DEFAULT_MIN_SPACING = Duration.ofSeconds(30);
    /** Ten minutes between likes, reposts or follows of one target by the operator's accounts. */
    public static final Duration DEFAULT_COORDINATION_WINDOW = Duration.ofMinutes(10);
    /** Deferred actions are rescheduled unless a bot says to drop them. */
    public static final OnThrottle DEFAULT_ON_THROTTLE = OnThrottle.DEFER;
    /** Two of the operator's accounts may follow one user within {@link #DEFAULT_FOLLOWS_WINDOW}. */
    public static final int DEFAULT_FOLLOWS_OF_ONE_USER = 2;
    /** The window of {@link #DEFAULT_FOLLOWS_OF_ONE_USER}: a week. */
    public static final Duration DEFAULT_FOLLOWS_WINDOW = Duration.ofDays(7);
    /** No unfollowing a user followed less than three days ago (follow churn). */
    public static final Duration DEFAULT_NO_UNFOLLOW_WITHIN = Duration.ofDays(3);
    /** No following again a user unfollowed less than a week ago. */
    public static final Duration DEFAULT_NO_REFOLLOW_WITHIN = Duration.ofDays(7);
    /** The most actions one bot may have waiting. */
    public static final int DEFAULT_MAX_DEFERRED_PER_BOT = 20;
    /** The most actions waiting for one account, all its bots together. */
    public static final int DEFAULT_MAX_DEFERRED_PER_ACCOUNT = 50;
    /** The longest an action may wait, counted from when the bot asked. */
    public static final Duration DEFAULT_MAX_DEFERRED_AGE = Duration.ofHours(6);

    private static final Map<ActionKind, List<Limit>> DEFAULT_LIMITS = Collections.unmodifiableMap(new EnumMap<>(Map.of(
            ActionKind.POST, DEFAULT_POST_LIMITS,
            ActionKind.REPLY, DEFAULT_REPLY_LIMITS,
            ActionKind.DIRECT_MESSAGE, DEFAULT_DIRECT_MESSAGE_LIMITS,
            ActionKind.FOLLOW, DEFAULT_FOLLOW_LIMITS,
            ActionKind.UNFOLLOW, DEFAULT_UNFOLLOW_LIMITS,
            ActionKind.LIKE, DEFAULT_LIKE_LIMITS,
            ActionKind.REPOST, DEFAULT_REPOST_LIMITS)));

    private static final Throttles DEFAULTS = new Throttles();

    private Map<ActionKind, List<Limit>> limits = DEFAULT_LIMITS;
    private Map<String, Map<ActionKind, List<Limit>>> accountLimits = Map.of();
    private List<Limit> targetContacts = DEFAULT_TARGET_CONTACTS;
    private Duration minSpacing = DEFAULT_MIN_SPACING;
    private Duration coordinationWindow = DEFAULT_COORDINATION_WINDOW;
    private OnThrottle onThrottle = DEFAULT_ON_THROTTLE;
    private Map<String, OnThrottle> botOnThrottle = Map.of();
    private int followsOfOneUser = DEFAULT_FOLLOWS_OF_ONE_USER;
    private Duration followsWindow = DEFAULT_FOLLOWS_WINDOW;
    private Duration noUnfollowWithin = DEFAULT_NO_UNFOLLOW_WITHIN;
    private Duration noRefollowWithin = DEFAULT_NO_REFOLLOW_WITHIN;
    private int maxDeferredPerBot = DEFAULT_MAX_DEFERRED_PER_BOT;
    private int maxDeferredPerAccount = DEFAULT_MAX_DEFERRED_PER_ACCOUNT;
    private Duration maxDeferredAge = DEFAULT_MAX_DEFERRED_AGE;
    private Boolean sharedInDatabase;

    private Throttles() {}

    /** Every {@code DEFAULT_*} constant; the buckets in the database on PostgreSQL, in memory on H2. */
    public static Throttles defaults() {
        return DEFAULTS;
    }

    /** Every account's limits on {@code kind} (at least one). */
    public Throttles withLimits(ActionKind kind, Limit... limits) {
        Throttles t = copy();
        Map<ActionKind, List<Limit>> map = new EnumMap<>(this.limits);
        map.put(Objects.requireNonNull(kind, "kind"), atLeastOne(kind, limits));
        t.limits = Collections.unmodifiableMap(map);
        return t;
    }

    /** {@code handle}'s own limits on {@code kind}, instead of every account's. */
    public Throttles withLimits(String handle, ActionKind kind, Limit... limits) {
        Throttles t = copy();
        Map<String, Map<ActionKind, List<Limit>>> map = new LinkedHashMap<>(accountLimits);
        Map<ActionKind, List<Limit>> own = new EnumMap<>(ActionKind.class);
        own.putAll(map.getOrDefault(handleKey(handle), Map.of()));
        own.put(Objects.requireNonNull(kind, "kind"), atLeastOne(kind, limits));
        map.put(handleKey(handle), Collections.unmodifiableMap(own));
        t.accountLimits = Collections.unmodifiableMap(map);
        return t;
    }

    /** How many automated replies, mentions and DMs one user may receive from all the accounts together. */
    public Throttles withTargetContacts(Limit... limits) {
        Throttles t = copy();
        t.targetContacts = atLeastOne(null, limits);
        return t;
    }

    /** The least time between two actions of one account. */
    public Throttles withMinSpacing(Duration spacing) {
        Throttles t = copy();
        t.minSpacing = positive("minSpacing", spacing);
        return t;
    }

    /** How long after one account likes, reposts or follows a target no account may do the same to it. */
    public Throttles withCoordinationWindow(Duration window) {
        Throttles t = copy();
        t.coordinationWindow = positive("coordinationWindow", window);
        return t;
    }

    /** What happens to a deferred action unless its bot says otherwise. */
    public Throttles withOnThrottle(OnThrottle mode) {
        Throttles t = copy();
        t.onThrottle = Objects.requireNonNull(mode, "mode");
        return t;
    }

    /** What happens to {@code botName}'s deferred actions. */
    public Throttles withOnThrottle(String botName, OnThrottle mode) {
        Throttles t = copy();
        Map<String, OnThrottle> map = new LinkedHashMap<>(botOnThrottle);
        map.put(Objects.requireNonNull(botName, "botName"), Objects.requireNonNull(mode, "mode"));
        t.botOnThrottle = Collections.unmodifiableMap(map);
        return t;
    }

    /**
     * The bulk-following rules: how many of the accounts may follow one user within {@code window}, and how soon after
     * a follow an unfollow, and after an unfollow a follow again, may come.
     */
    public Throttles withFollows(int ofOneUser, Duration window, Duration noUnfollowWithin, Duration noRefollowWithin) {
        if (ofOneUser < 1) {
            throw new IllegalArgumentException("follows of one user must be at least 1, not " + ofOneUser);
        }
        Throttles t = copy();
        t.followsOfOneUser = ofOneUser;
        t.followsWindow = positive("follows window", window);
        t.noUnfollowWithin = positive("noUnfollowWithin", noUnfollowWithin);
        t.noRefollowWithin = positive("noRefollowWithin", noRefollowWithin);
        return t;
    }

    /** How far deferred actions may pile up: per bot, per account, and how long one may wait. */
    public Throttles withDeferred(int maxPerBot, int maxPerAccount, Duration maxAge) {
        if (maxPerBot < 1 || maxPerAccount < 1) {
            throw new IllegalArgumentException("deferred actions need room for at least 1, not " + maxPerBot
                    + " per bot and " + maxPerAccount + " per account");
        }
        Throttles t = copy();
        t.maxDeferredPerBot = maxPerBot;
        t.maxDeferredPerAccount = maxPerAccount;
        t.maxDeferredAge = positive("maxAge", maxAge);
        return t;
    }

    /**
     * Whether the buckets live in the database, shared by every node (PostgreSQL only), or in this process's memory;
     * unless set, in the database on PostgreSQL and in memory on H2.
     */
    public Throttles withBucketsInDatabase(boolean inDatabase) {
        Throttles t = copy();
        t.sharedInDatabase = inDatabase;
        return t;
    }

    /** Every account's limits, per kind. */
    public Map<ActionKind, List<Limit>> limits() {
        return limits;
    }

    /** Per account handle (lower case, no {@code @}), the kinds whose limits differ from every account's. */
    public Map<String, Map<ActionKind, List<Limit>>> accountLimits() {
        return accountLimits;
    }

    /** The limits on contacts with one user. */
    public List<Limit> targetContacts() {
        return targetContacts;
    }

    /** The least time between two actions of one account. */
    public Duration minSpacing() {
        return minSpacing;
    }

    /** The coordination window. */
    public Duration coordinationWindow() {
        return coordinationWindow;
    }

    /** What happens to a deferred action unless its bot says otherwise. */
    public OnThrottle onThrottle() {
        return onThrottle;
    }

    /** Per bot name, what happens to its deferred actions, for the bots that say. */
    public Map<String, OnThrottle> botOnThrottle() {
        return botOnThrottle;
    }

    /** How many of the accounts may follow one user within {@link #followsWindow()}. */
    public int followsOfOneUser() {
        return followsOfOneUser;
    }

    /** The window of {@link #followsOfOneUser()}. */
    public Duration followsWindow() {
        return followsWindow;
    }

    /** No unfollowing a user followed less than this long ago. */
    public Duration noUnfollowWithin() {
        return noUnfollowWithin;
    }

    /** No following again a user unfollowed less than this long ago. */
    public Duration noRefollowWithin() {
        return noRefollowWithin;
    }

    /** The most actions one bot may have waiting. */
    public int maxDeferredPerBot() {
        return maxDeferredPerBot;
    }

    /** The most actions waiting for one account. */
    public int maxDeferredPerAccount() {
        return maxDeferredPerAccount;
    }

    /** The longest an action may wait. */
    public Duration maxDeferredAge() {
        return maxDeferredAge;
    }

    /** Whether the buckets live in the database; empty for the store's default. */
    public Optional<Boolean> bucketsInDatabase() {
        return Optional.ofNullable(sharedInDatabase);
    }

    private Throttles copy() {
        Throttles t = new Throttles();
        t.limits = limits;
        t.accountLimits = accountLimits;
        t.targetContacts = targetContacts;
        t.minSpacing = minSpacing;
        t.coordinationWindow = coordinationWindow;
        t.onThrottle = onThrottle;
        t.botOnThrottle = botOnThrottle;
        t.followsOfOneUser = followsOfOneUser;
        t.followsWindow = followsWindow;
        t.noUnfollowWithin = noUnfollowWithin;
        t.noRefollowWithin = noRefollowWithin;
        t.maxDeferredPerBot = maxDeferredPerBot;
        t.maxDeferredPerAccount = maxDeferredPerAccount;
        t.maxDeferredAge = maxDeferredAge;
        t.sharedInDatabase = sharedInDatabase;
        return t;
    }

    private static List<Limit> atLeastOne(ActionKind kind, Limit... limits) {
        List<Limit> list = List.of(limits);
        if (list.isEmpty()) {
            throw new IllegalArgumentException(
                    (kind == null ? "target contacts" : kind.toString()) + " need at least one limit");
        }
        return list;
    }

    private static String handleKey(String handle) {
        String bare = Objects.requireNonNull(handle, "handle").startsWith("@") ? handle.substring(1) : handle;
        return bare.toLowerCase(Locale.ROOT);
    }

    static Duration notNegative(String what, Duration value) {
        if (Objects.requireNonNull(value, what).isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, not " + value);
        }
        return value;
    }

    static Duration positive(String what, Duration value) {
        Objects.requireNonNull(value, what);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, not " + value);
        }
        return value;
    }
}
