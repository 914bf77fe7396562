package dev.bridle.internal.config;

import dev.bridle.config.OnThrottle;
import dev.bridle.guard.ActionKind;
import dev.bridle.internal.config.ThrottlesConfig.Buckets;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.throttle.DeferralLimits;
import dev.bridle.internal.throttle.FollowRules;
import dev.bridle.internal.throttle.Limit;
import dev.bridle.internal.throttle.ThrottleSettings;
import dev.bridle.internal.yaml.DocPath;
import dev.bridle.internal.yaml.YamlNode;
import dev.bridle.internal.yaml.YamlNode.YamlMap;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code throttles:} (and each bot's {@code onThrottle:}, through {@link #onThrottle}). What is not written keeps
 * its {@link ThrottleSettings} default. Limits that could reach one of the platform's ceilings are refused by
 * {@link ThrottleSettings} itself; the problem is reported at the limit that, set back to its default, would pass.
 */
final class ThrottlesReader {

    static final List<String> KEYS = List.of(
            "onThrottle",
            "buckets",
            "accounts",
            "overrides",
            "targets",
            "follows",
            "minSpacing",
            "coordinationWindow",
            "deferred");
    static final List<String> DEFERRED_KEYS = List.of("maxPerBot", "maxPerAccount", "maxAge");
    static final List<String> KINDS =
            Arrays.stream(ActionKind.values()).map(ThrottleSettings::configName).toList();
    static final List<String> FOLLOW_KEYS =
            List.of("maxAccountsPerUser", "accountsWindow", "noUnfollowWithin", "noRefollowWithin");

    static final String ON_THROTTLE_EXPECTED =
            "defer (send it when the throttle allows, through every guard again)" + " or drop (give it up)";
    private static final Map<String, OnThrottle> ON_THROTTLE =
            Map.of("defer", OnThrottle.DEFER, "drop", OnThrottle.DROP);
    private static final String LIMIT_EXPECTED = "a limit written \"N per SPAN\", like \"10 per hour\" or"
            + " \"15 per 15 minutes\" (SPAN: second, minute, hour, day or week)";
    private static final String LIMITS_EXPECTED = "a list of limits, like [\"10 per hour\", \"50 per day\"]";
    private static final String KINDS_EXPECTED =
            "limits per kind of action, like { post: [\"10 per hour\", \"50 per day\"] }";
    private static final Duration SHORTEST = Duration.ofSeconds(1);

    private final NodeReader nodes;
    private final AccountsReader accounts;
    private boolean ok = true;

    /** {@code accounts} has read {@code accounts:}: overrides must name its handles. */
    ThrottlesReader(NodeReader nodes, AccountsReader accounts) {
        this.nodes = nodes;
        this.accounts = accounts;
    }

    /** A bot's or the section's {@code onThrottle}, or {@code null} after reporting what is wrong. */
    static OnThrottle onThrottle(NodeReader nodes, YamlNode node, String path) {
        return nodes.choice(node, path, ON_THROTTLE, ON_THROTTLE_EXPECTED);
    }

    /**
     * The section, or {@code null} after reporting every problem.
     *
     * @param store the store, or {@code null} when it is itself invalid
     * @param botModes per bot name, in order, its own {@code onThrottle}, or {@code null} for the section's
     */
    ThrottlesConfig read(YamlNode node, String path, StoreConfig store, Map<String, OnThrottle> botModes) {
        Section section = node == null
                ? null
                : nodes.section(
                        node,
                        path,
                        "throttle settings, like { minSpacing: 30s, accounts: { post: [\"10 per hour\"] } }",
                        KEYS);
        if (node != null && section == null) {
            return null;
        }
        ThrottleSettings defaults = ThrottleSettings.defaults();
        OnThrottle onThrottle = value(section, "onThrottle", defaults.onThrottle(), (n, p) -> onThrottle(nodes, n, p));
        Buckets buckets = buckets(section, store);
        Map<ActionKind, YamlNode> written = new EnumMap<>(ActionKind.class);
        Map<ActionKind, List<Limit>> accountLimits = new EnumMap<>(defaults.accountLimits());
        YamlNode accountsNode = get(section, "accounts");
        if (accountsNode != null) {
            accountLimits.putAll(kinds(accountsNode, section.path("accounts"), written));
        }
        Map<String, Map<ActionKind, List<Limit>>> overrides = new LinkedHashMap<>();
        Map<String, Map<ActionKind, YamlNode>> overrideNodes = new LinkedHashMap<>();
        YamlNode overridesNode = get(section, "overrides");
        if (overridesNode != null) {
            overrides(overridesNode, section.path("overrides"), overrides, overrideNodes);
        }
        List<Limit> contacts = targets(section, defaults.targetContacts());
        FollowRules follows = follows(section, defaults.follows());
        Duration minSpacing = value(
                section,
                "minSpacing",
                defaults.minSpacing(),
                (n, p) -> nodes.span(n, p, "the least time between two actions of one account", SHORTEST));
        Duration coordination = value(
                section,
                "coordinationWindow",
                defaults.coordinationWindow(),
                (n, p) -> nodes.span(
                        n,
                        p,
                        "how long the operator's accounts keep off a target one of them liked,"
                                + " reposted or followed",
                        SHORTEST));
        DeferralLimits deferred = deferred(section, DeferralLimits.defaults());
        Map<String, OnThrottle> byBot = new LinkedHashMap<>();
        botModes.forEach((bot, own) -> byBot.put(bot, own != null ? own : onThrottle));
        if (!ok
                || onThrottle == null
                || buckets == null
                || contacts == null
                || follows == null
                || minSpacing == null
                || coordination == null
                || deferred == null) {
            return null;
        }
        ThrottleSettings seed = new ThrottleSettings(
                defaults.accountLimits(), Map.of(), contacts, follows, minSpacing, coordination, onThrottle, byBot);
        ThrottleSettings settings = checked(seed, path, accountLimits, written, overrides, overrideNodes);
        return settings == null ? null : new ThrottlesConfig(settings, buckets, deferred);
    }

    private interface ValueReader<T> {
        T read(YamlNode node, String path);
    }

    /** The value at {@code key}, its default when absent, or {@code null} after a problem. */
    private <T> T value(Section section, String key, T fallback, ValueReader<T> reader) {
        YamlNode node = get(section, key);
        return node == null ? fallback : reader.read(node, section.path(key));
    }

    private static YamlNode get(Section section, String key) {
        return section == null ? null : section.get(key);
    }

    private Buckets buckets(Section section, StoreConfig store) {
        Buckets fallback = store == null ? Buckets.MEMORY : Buckets.defaultFor(store);
        YamlNode node = get(section, "buckets");
        if (node == null) {
            return fallback;
        }
        String expected = "memory (this process) or database (PostgreSQL, shared by every node)";
        Buckets buckets = nodes.choice(
                node,
                section.path("buckets"),
                Map.of("memory", Buckets.MEMORY, "database", Buckets.DATABASE),
                expected);
        if (buckets == Buckets.DATABASE && store != null && !store.isPostgres()) {
            nodes.problem(
                    node,
                    section.path("buckets"),
                    "found database, but the store is not PostgreSQL ("
                            + Quoting.quote(ConfigPrinter.maskUrl(store.url()))
                            + ", which one process opens at a time); expected"
                            + " memory, or a store url jdbc:postgresql://... to share the buckets between nodes");
            return null;
        }
        return buckets;
    }

    /** Limits per kind; {@code written} receives where each kind was written. */
    private Map<ActionKind, List<Limit>> kinds(YamlNode node, String path, Map<ActionKind, YamlNode> written) {
        Map<ActionKind, List<Limit>> limits = new EnumMap<>(ActionKind.class);
        Section section = nodes.section(node, path, KINDS_EXPECTED, KINDS);
        if (section == null) {
            ok = false;
            return limits;
        }
        for (ActionKind kind : ActionKind.values()) {
            String key = ThrottleSettings.configName(kind);
            YamlNode value = section.get(key);
            if (value != null) {
                List<Limit> list = limits(value, section.path(key));
                if (list != null) {
                    limits.put(kind, list);
                    written.put(kind, value);
                }
            }
        }
        return limits;
    }

    private void overrides(
            YamlNode node,
            String path,
            Map<String, Map<ActionKind, List<Limit>>> overrides,
            Map<String, Map<ActionKind, YamlNode>> where) {
        if (!(node instanceof YamlMap map)) {
            nodes.wrongType(node, path, "limits per account handle, like { acme_news: { post: [\"5 per hour\"] } }");
            ok = false;
            return;
        }
        for (YamlNode.Entry entry : map.entries().values()) {
            String entryPath = DocPath.key(path, entry.key());
            String handle = accounts.configuredHandle(entry, entryPath);
            ok &= handle != null;
            Map<ActionKind, YamlNode> written = new EnumMap<>(ActionKind.class);
            Map<ActionKind, List<Limit>> limits = kinds(entry.value(), entryPath, written);
            if (handle != null) {
                overrides.put(handle, limits);
                where.put(handle, written);
            }
        }
    }

    private List<Limit> targets(Section section, List<Limit> fallback) {
        YamlNode node = get(section, "targets");
        if (node == null) {
            return fallback;
        }
        Section targets = nodes.section(
                node,
                section.path("targets"),
                "limits per target user, like { contacts: [\"3 per day\"] }",
                List.of("contacts"));
        if (targets == null) {
            return null;
        }
        YamlNode contacts = targets.get("contacts");
        return contacts == null ? fallback : limits(contacts, targets.path("contacts"));
    }

    private FollowRules follows(Section section, FollowRules fallback) {
        YamlNode node = get(section, "follows");
        if (node == null) {
            return fallback;
        }
        Section follows = nodes.section(
                node,
                section.path("follows"),
                "follow rules, like { maxAccountsPerUser: 2, noUnfollowWithin: 3d }",
                FOLLOW_KEYS);
        if (follows == null) {
            return null;
        }
        Integer most = value(follows, "maxAccountsPerUser", fallback.maxAccountsPerUser(), this::atLeastOne);
        Duration window = value(
                follows,
                "accountsWindow",
                fallback.accountsWindow(),
                (n, p) -> nodes.span(n, p, "the span maxAccountsPerUser counts over", SHORTEST));
        Duration unfollow = value(
                follows,
                "noUnfollowWithin",
                fallback.noUnfollowWithin(),
                (n, p) -> nodes.span(n, p, "how soon after following an unfollow is refused", SHORTEST));
        Duration refollow = value(
                follows,
                "noRefollowWithin",
                fallback.noRefollowWithin(),
                (n, p) -> nodes.span(n, p, "how soon after unfollowing a follow is refused", SHORTEST));
        return most == null || window == null || unfollow == null || refollow == null
                ? null
                : new FollowRules(most, window, unfollow, refollow);
    }

    private DeferralLimits deferred(Section section, DeferralLimits fallback) {
        YamlNode node = get(section, "deferred");
        if (node == null) {
            return fallback;
        }
        Section deferred = nodes.section(
                node,
                section.path("deferred"),
                "bounds on deferred actions, like { maxPerBot: 20, maxPerAccount: 50, maxAge: 6h }",
                DEFERRED_KEYS);
        if (deferred == null) {
            return null;
        }
        Integer perBot = value(
                deferred,
                "maxPerBot",
                fallback.maxPerBot(),
                (n, p) -> atLeastOne(n, p, "how many actions one bot may have waiting"));
        Integer perAccount = value(
                deferred,
                "maxPerAccount",
                fallback.maxPerAccount(),
                (n, p) -> atLeastOne(n, p, "how many actions may wait for one account"));
        Duration maxAge = value(
                deferred,
                "maxAge",
                fallback.maxAge(),
                (n, p) -> nodes.span(n, p, "the longest a deferred action may wait", SHORTEST));
        return perBot == null || perAccount == null || maxAge == null
                ? null
                : new DeferralLimits(perBot, perAccount, maxAge);
    }

    private Integer atLeastOne(YamlNode node, String path) {
        return atLeastOne(node, path, "how many of the operator's accounts may follow one user");
    }

    private Integer atLeastOne(YamlNode node, String path, String what) {
        String expected = "a whole number of at least 1, " + what;
        Integer n = nodes.integer(node, path, expected);
        if (n != null && n < 1) {
            nodes.problem(node, path, "found " + n + ", which is too few; expected " + expected);
            return null;
        }
        return n;
    }

    /** A list of limits (one limit alone counts as a list of one), or {@code null} after a problem. */
    private List<Limit> limits(YamlNode node, String path) {
        List<YamlNode> items = nodes.list(node, path, LIMITS_EXPECTED, true);
        if (items == null) {
            ok = false;
            return null;
        }
        if (items.isEmpty()) {
            nodes.problem(node, path, "has no limits; expected at least one, like [\"10 per hour\", \"50 per day\"]");
            ok = false;
            return null;
        }
        List<Limit> limits = new ArrayList<>();
        boolean allRead = true;
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            Limit limit = limit(item, item == node ? path : DocPath.index(path, i));
            allRead &= limit != null;
            if (limit != null) {
                limits.add(limit);
            }
        }
        ok &= allRead;
        return allRead ? limits : null;
    }

    private Limit limit(YamlNode node, String path) {
        String text = nodes.text(node, path, LIMIT_EXPECTED);
        if (text == null) {
            return null;
        }
        try {
            return Limit.parse(text);
        } catch (IllegalArgumentException | ArithmeticException e) {
            // Limit.parse's own "is not a limit" says what this message says; other reasons add to it.
            String reason =
                    e.getMessage() == null || e.getMessage().contains(" is not a ") ? "" : " (" + e.getMessage() + ")";
            nodes.problem(
                    node,
                    path,
                    "found " + NodeReader.describe(node) + ", which is not a limit" + reason + "; expected "
                            + LIMIT_EXPECTED);
            return null;
        }
    }

    /**
     * The settings with every limit in place, or {@code null} after reporting limits that could reach a platform
     * ceiling: the account limits first, then each account's overrides on top.
     */
    private ThrottleSettings checked(
            ThrottleSettings seed,
            String path,
            Map<ActionKind, List<Limit>> accountLimits,
            Map<ActionKind, YamlNode> written,
            Map<String, Map<ActionKind, List<Limit>>> overrides,
            Map<String, Map<ActionKind, YamlNode>> overrideNodes) {
        ThrottleSettings defaults = ThrottleSettings.defaults();
        try {
            with(seed, accountLimits, Map.of());
        } catch (IllegalArgumentException e) {
            blame(e, written, DocPath.key(path, "accounts"), kind -> {
                Map<ActionKind, List<Limit>> fixed = new EnumMap<>(accountLimits);
                fixed.put(kind, defaults.accountLimits().get(kind));
                with(seed, fixed, Map.of());
            });
            return null;
        }
        boolean allPass = true;
        for (Map.Entry<String, Map<ActionKind, List<Limit>>> override : overrides.entrySet()) {
            String handle = override.getKey();
            try {
                with(seed, accountLimits, Map.of(handle, override.getValue()));
            } catch (IllegalArgumentException e) {
                blame(e, overrideNodes.get(handle), DocPath.key(DocPath.key(path, "overrides"), handle), kind -> {
                    Map<ActionKind, List<Limit>> fixed = new EnumMap<>(ActionKind.class);
                    fixed.putAll(override.getValue());
                    fixed.remove(kind);
                    with(seed, accountLimits, Map.of(handle, fixed));
                });
                allPass = false;
            }
        }
        return allPass ? with(seed, accountLimits, overrides) : null;
    }

    private static ThrottleSettings with(
            ThrottleSettings s,
            Map<ActionKind, List<Limit>> accountLimits,
            Map<String, Map<ActionKind, List<Limit>>> overrides) {
        return new ThrottleSettings(
                accountLimits,
                overrides,
                s.targetContacts(),
                s.follows(),
                s.minSpacing(),
                s.coordinationWindow(),
                s.onThrottle(),
                s.onThrottleByBot());
    }

    /** Builds the settings with {@code kind}'s limits set back; throws as the constructor does. */
    private interface Attempt {
        void without(ActionKind kind);
    }

    /**
     * Reports {@code refusal} at the first kind written (in file order) whose limits, set back, would pass; at the
     * section when no single one would.
     */
    private void blame(
            IllegalArgumentException refusal, Map<ActionKind, YamlNode> written, String sectionPath, Attempt attempt) {
        String message = refusal.getMessage();
        // ThrottleSettings says where ("throttles.accounts: ..."); the problem's path says it here.
        if (message != null && message.startsWith("throttles.") && message.contains(": ")) {
            message = message.substring(message.indexOf(": ") + 2);
        }
        List<Map.Entry<ActionKind, YamlNode>> inFileOrder = written.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<ActionKind, YamlNode> e) ->
                                e.getValue().location().line())
                        .thenComparingInt(e -> e.getValue().location().column()))
                .toList();
        for (Map.Entry<ActionKind, YamlNode> candidate : inFileOrder) {
            try {
                attempt.without(candidate.getKey());
            } catch (IllegalArgumentException stillRefused) {
                continue;
            }
            nodes.problem(
                    candidate.getValue(),
                    DocPath.key(sectionPath, ThrottleSettings.configName(candidate.getKey())),
                    message);
            return;
        }
        YamlNode first = inFileOrder.isEmpty() ? null : inFileOrder.get(0).getValue();
        if (first != null) {
            nodes.problem(
                    first,
                    DocPath.key(
                            sectionPath,
                            ThrottleSettings.configName(inFileOrder.get(0).getKey())),
                    message);
        } else {
            nodes.problems().add(YamlNode.Location.FILE, sectionPath, message);
        }
    }
}
