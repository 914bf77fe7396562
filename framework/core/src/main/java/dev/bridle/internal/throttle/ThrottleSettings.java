package dev.bridle.internal.throttle;

import dev.bridle.bot.Account;
import dev.bridle.config.OnThrottle;
import dev.bridle.config.Throttles;
import dev.bridle.guard.ActionKind;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Every throttle limit, immutable and validated. {@link #defaults()} are well under the platform's published ceilings
 * ({@link PlatformCeiling#PUBLISHED}) because accounts get locked long before they reach those when the pattern looks
 * automated; the constructor refuses any configuration whose worst case could reach a ceiling. The {@code throttles:}
 * section of {@code config/bridle.yaml} maps onto this record (see {@code docs/throttles.md}).
 *
 * @param accountLimits per action kind, the limits every account obeys; every kind has at least one
 * @param accountOverrides per account handle (lower case, no {@code @}), kinds whose limits differ from
 *     {@code accountLimits}
 * @param targetContacts how many automated replies, mentions and direct messages one user may receive from all the
 *     operator's accounts together
 * @param follows bulk-following and follow-churn rules
 * @param minSpacing the least time between two actions of one account, whatever their kinds
 * @param coordinationWindow how long after one of the operator's accounts likes, reposts or follows a target no account
 *     may do the same to it
 * @param onThrottle what happens to a deferred action unless its bot says otherwise
 * @param onThrottleByBot per bot name, what happens to its deferred actions
 */
public record ThrottleSettings(
        Map<ActionKind, List<Limit>> accountLimits,
        Map<String, Map<ActionKind, List<Limit>>> accountOverrides,
        List<Limit> targetContacts,
        FollowRules follows,
        Duration minSpacing,
        Duration coordinationWindow,
        OnThrottle onThrottle,
        Map<String, OnThrottle> onThrottleByBot) {

    /**
     * Posts: 10 an hour, 50 a day, against the platform's 2,400 a day (about 50 per half hour): a news or digest bot
     * needs a handful a day, and a steady stream of posts is what gets flagged.
     */
    public static final List<Limit> DEFAULT_POST_LIMITS = Limit.allOf(Throttles.DEFAULT_POST_LIMITS);

    /**
     * Replies: 20 an hour, 100 a day. They count against the same 2,400 a day as posts; a reply bot answers people who
     * asked, and each reply also passes consent and one-per-interaction.
     */
    public static final List<Limit> DEFAULT_REPLY_LIMITS = Limit.allOf(Throttles.DEFAULT_REPLY_LIMITS);

    /**
     * Direct messages: 20 an hour, 100 a day, against the platform's 500 a day (1,000 in older revisions): automated
     * DMs answer users who wrote first, rarely more than a few a day each.
     */
    public static final List<Limit> DEFAULT_DIRECT_MESSAGE_LIMITS =
            Limit.allOf(Throttles.DEFAULT_DIRECT_MESSAGE_LIMITS);

    /**
     * Follows: 10 an hour, 50 a day, against the platform's 400 a day, which it calls "a technical limit only":
     * aggressive following is prohibited well below it.
     */
    public static final List<Limit> DEFAULT_FOLLOW_LIMITS = Limit.allOf(Throttles.DEFAULT_FOLLOW_LIMITS);

    /**
     * Unfollows: 10 an hour, 50 a day. The platform publishes no ceiling, but names automated un-following as
     * aggressive behaviour, so unfollows get the same budget as follows.
     */
    public static final List<Limit> DEFAULT_UNFOLLOW_LIMITS = Limit.allOf(Throttles.DEFAULT_UNFOLLOW_LIMITS);

    /**
     * Likes: 5 an hour, 25 a day, against the endpoint's 1,000 a day: the rules discourage automated likes altogether,
     * so a bot gets only a few.
     */
    public static final List<Limit> DEFAULT_LIKE_LIMITS = Limit.allOf(Throttles.DEFAULT_LIKE_LIMITS);

    /**
     * Reposts: 5 an hour, 25 a day. They count as posts on the platform, and automated reposting across accounts is
     * named in the rules; a curating bot needs few.
     */
    public static final List<Limit> DEFAULT_REPOST_LIMITS = Limit.allOf(Throttles.DEFAULT_REPOST_LIMITS);

    /**
     * Three automated replies, mentions and DMs a day to one user, from all the operator's accounts together: below the
     * platform's "up to 5 messages within 24 hours after a user's message", and enough for a short conversation without
     * hounding anyone.
     */
    public static final List<Limit> DEFAULT_TARGET_CONTACTS = Limit.allOf(Throttles.DEFAULT_TARGET_CONTACTS);

    /**
     * Thirty seconds between two actions of one account: no bursts. A person rarely acts faster, and it caps any
     * account at 120 actions an hour whatever its other limits say.
     */
    public static final Duration DEFAULT_MIN_SPACING = Throttles.DEFAULT_MIN_SPACING;

    /**
     * Ten minutes between likes, reposts or follows of the same target by the operator's accounts: the rules forbid
     * doing these "simultaneously" from several accounts, and ten minutes keeps them from landing together however many
     * bots see the same post.
     */
    public static final Duration DEFAULT_COORDINATION_WINDOW = Throttles.DEFAULT_COORDINATION_WINDOW;

    /** Deferred actions are rescheduled unless a bot says to drop them. */
    public static final OnThrottle DEFAULT_ON_THROTTLE = Throttles.DEFAULT_ON_THROTTLE;

    /** The default limits per action kind. */
    public static final Map<ActionKind, List<Limit>> DEFAULT_ACCOUNT_LIMITS =
            Collections.unmodifiableMap(new EnumMap<>(Map.of(
                    ActionKind.POST, DEFAULT_POST_LIMITS,
                    ActionKind.REPLY, DEFAULT_REPLY_LIMITS,
                    ActionKind.DIRECT_MESSAGE, DEFAULT_DIRECT_MESSAGE_LIMITS,
                    ActionKind.FOLLOW, DEFAULT_FOLLOW_LIMITS,
                    ActionKind.UNFOLLOW, DEFAULT_UNFOLLOW_LIMITS,
                    ActionKind.LIKE, DEFAULT_LIKE_LIMITS,
                    ActionKind.REPOST, DEFAULT_REPOST_LIMITS)));

    private static final ThrottleSettings DEFAULTS = new ThrottleSettings(
            DEFAULT_ACCOUNT_LIMITS,
            Map.of(),
            DEFAULT_TARGET_CONTACTS,
            FollowRules.DEFAULTS,
            DEFAULT_MIN_SPACING,
            DEFAULT_COORDINATION_WINDOW,
            DEFAULT_ON_THROTTLE,
            Map.of());

    public ThrottleSettings {
        accountLimits = copyLimits("throttles.accounts", Objects.requireNonNull(accountLimits, "accountLimits"));
        for (ActionKind kind : ActionKind.values()) {
            if (!accountLimits.containsKey(kind)) {
                throw new IllegalArgumentException(
                        "throttles.accounts." + configName(kind) + " is missing: every kind of action needs a limit");
            }
        }
        Map<String, Map<ActionKind, List<Limit>>> overrides = new LinkedHashMap<>();
        Objects.requireNonNull(accountOverrides, "accountOverrides")
                .forEach((handle, limits) ->
                        overrides.put(handleKey(handle), copyLimits("throttles.overrides." + handle, limits)));
        accountOverrides = Collections.unmodifiableMap(overrides);
        targetContacts = List.copyOf(Objects.requireNonNull(targetContacts, "targetContacts"));
        if (targetContacts.isEmpty()) {
            throw new IllegalArgumentException("throttles.targets.contacts needs at least one limit");
        }
        Objects.requireNonNull(follows, "follows");
        Objects.requireNonNull(minSpacing, "minSpacing");
        Objects.requireNonNull(coordinationWindow, "coordinationWindow");
        FollowRules.requirePositive("throttles.minSpacing", minSpacing);
        FollowRules.requirePositive("throttles.coordinationWindow", coordinationWindow);
        Objects.requireNonNull(onThrottle, "onThrottle");
        onThrottleByBot = Map.copyOf(Objects.requireNonNull(onThrottleByBot, "onThrottleByBot"));

        checkCeilings("throttles.accounts", accountLimits);
        for (Map.Entry<String, Map<ActionKind, List<Limit>>> e : accountOverrides.entrySet()) {
            Map<ActionKind, List<Limit>> merged = new EnumMap<>(accountLimits);
            merged.putAll(e.getValue());
            checkCeilings("throttles.overrides." + e.getKey(), merged);
        }
    }

    /** The defaults: every {@code DEFAULT_*} constant. */
    public static ThrottleSettings defaults() {
        return DEFAULTS;
    }

    /** The limits {@code account} obeys for {@code kind}. */
    public List<Limit> limitsFor(Account account, ActionKind kind) {
        Map<ActionKind, List<Limit>> own = accountOverrides.get(handleKey(account.handle()));
        if (own != null) {
            List<Limit> limits = own.get(kind);
            if (limits != null) {
                return limits;
            }
        }
        return accountLimits.get(kind);
    }

    /** What happens to {@code botName}'s deferred actions. */
    public OnThrottle onThrottleFor(String botName) {
        return onThrottleByBot.getOrDefault(botName, onThrottle);
    }

    /** These settings with {@code limits} for {@code kind} on every account. */
    public ThrottleSettings withAccountLimits(ActionKind kind, Limit... limits) {
        Map<ActionKind, List<Limit>> changed = new EnumMap<>(accountLimits);
        changed.put(kind, List.of(limits));
        return new ThrottleSettings(
                changed,
                accountOverrides,
                targetContacts,
                follows,
                minSpacing,
                coordinationWindow,
                onThrottle,
                onThrottleByBot);
    }

    /** These settings with {@code limits} for {@code kind} on the account {@code handle} only. */
    public ThrottleSettings withAccountOverride(String handle, ActionKind kind, Limit... limits) {
        Map<String, Map<ActionKind, List<Limit>>> changed = new LinkedHashMap<>(accountOverrides);
        Map<ActionKind, List<Limit>> own = new EnumMap<>(ActionKind.class);
        own.putAll(changed.getOrDefault(handleKey(handle), Map.of()));
        own.put(kind, List.of(limits));
        changed.put(handleKey(handle), own);
        return new ThrottleSettings(
                accountLimits,
                changed,
                targetContacts,
                follows,
                minSpacing,
                coordinationWindow,
                onThrottle,
                onThrottleByBot);
    }

    /** These settings with {@code limits} on automated contact per target user. */
    public ThrottleSettings withTargetContacts(Limit... limits) {
        return new ThrottleSettings(
                accountLimits,
                accountOverrides,
                List.of(limits),
                follows,
                minSpacing,
                coordinationWindow,
                onThrottle,
                onThrottleByBot);
    }

    /** These settings with other follow rules. */
    public ThrottleSettings withFollows(FollowRules rules) {
        return new ThrottleSettings(
                accountLimits,
                accountOverrides,
                targetContacts,
                rules,
                minSpacing,
                coordinationWindow,
                onThrottle,
                onThrottleByBot);
    }

    /** These settings with another minimum spacing between one account's actions. */
    public ThrottleSettings withMinSpacing(Duration spacing) {
        return new ThrottleSettings(
                accountLimits,
                accountOverrides,
                targetContacts,
                follows,
                spacing,
                coordinationWindow,
                onThrottle,
                onThrottleByBot);
    }

    /** These settings with another cross-account coordination window. */
    public ThrottleSettings withCoordinationWindow(Duration window) {
        return new ThrottleSettings(
                accountLimits,
                accountOverrides,
                targetContacts,
                follows,
                minSpacing,
                window,
                onThrottle,
                onThrottleByBot);
    }

    /** These settings with {@code mode} for bots that do not choose. */
    public ThrottleSettings withOnThrottle(OnThrottle mode) {
        return new ThrottleSettings(
                accountLimits,
                accountOverrides,
                targetContacts,
                follows,
                minSpacing,
                coordinationWindow,
                mode,
                onThrottleByBot);
    }

    /** These settings with {@code mode} for the bot {@code botName}. */
    public ThrottleSettings withOnThrottle(String botName, OnThrottle mode) {
        Map<String, OnThrottle> changed = new LinkedHashMap<>(onThrottleByBot);
        changed.put(botName, mode);
        return new ThrottleSettings(
                accountLimits,
                accountOverrides,
                targetContacts,
                follows,
                minSpacing,
                coordinationWindow,
                onThrottle,
                changed);
    }

    /** The name a kind has in configuration: {@code post}, {@code directMessage}. */
    public static String configName(ActionKind kind) {
        String[] words = kind.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return b.toString();
    }

    /** The kind named {@code name} in configuration. */
    public static ActionKind kindNamed(String name) {
        for (ActionKind kind : ActionKind.values()) {
            if (configName(kind).equalsIgnoreCase(name) || kind.name().equalsIgnoreCase(name)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + name + "' is not a kind of action; use one of "
                + java.util.Arrays.stream(ActionKind.values())
                        .map(ThrottleSettings::configName)
                        .collect(Collectors.joining(", ")));
    }

    static String handleKey(String handle) {
        String h = Objects.requireNonNull(handle, "handle");
        return (h.startsWith("@") ? h.substring(1) : h).toLowerCase(Locale.ROOT);
    }

    private static Map<ActionKind, List<Limit>> copyLimits(String where, Map<ActionKind, List<Limit>> limits) {
        Map<ActionKind, List<Limit>> copy = new EnumMap<>(ActionKind.class);
        limits.forEach((kind, list) -> {
            List<Limit> l = List.copyOf(Objects.requireNonNull(list, where));
            if (l.isEmpty()) {
                throw new IllegalArgumentException(where + "." + configName(kind) + " needs at least one limit");
            }
            copy.put(Objects.requireNonNull(kind, where), l);
        });
        return Collections.unmodifiableMap(copy);
    }

    private static void checkCeilings(String where, Map<ActionKind, List<Limit>> limits) {
        for (PlatformCeiling ceiling : PlatformCeiling.PUBLISHED) {
            Duration span = ceiling.limit().per();
            long most = 0;
            List<String> parts = new ArrayList<>();
            for (ActionKind kind : ActionKind.values()) {
                if (ceiling.kinds().contains(kind)) {
                    List<Limit> own = limits.get(kind);
                    most += own.stream()
                            .mapToLong(l -> l.mostWithin(span))
                            .min()
                            .orElseThrow();
                    parts.add(configName(kind) + ": "
                            + own.stream().map(Limit::toString).collect(Collectors.joining(", ")));
                }
            }
            if (most > ceiling.limit().count()) {
                throw new IllegalArgumentException(String.format(
                        Locale.ROOT,
                        "%s: these limits could allow %,d %s per %s (%s), above the platform's ceiling of %,d (%s); lower them",
                        where,
                        most,
                        ceiling.what(),
                        Spans.describe(span),
                        String.join("; ", parts),
                        ceiling.limit().count(),
                        ceiling.source()));
            }
        }
    }
}
