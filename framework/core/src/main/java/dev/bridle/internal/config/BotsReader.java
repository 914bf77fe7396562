package dev.bridle.internal.config;

import dev.bridle.bot.Bot;
import dev.bridle.config.Inbound;
import dev.bridle.config.OnConsentEnd;
import dev.bridle.config.OnThrottle;
import dev.bridle.config.Purpose;
import dev.bridle.config.Schedule;
import dev.bridle.internal.yaml.DocPath;
import dev.bridle.internal.yaml.YamlNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code bots:}: names, classes, accounts, and when each bot runs. */
final class BotsReader {

    static final List<String> KEYS =
            List.of("name", "class", "account", "schedule", "inbound", "onThrottle", "purposes", "onConsentEnd");

    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    static final String NAME_EXPECTED = "a name of lower-case letters, digits, - and _,"
            + " starting with a letter or digit, at most 64 long, like daily-digest";
    private static final Map<String, Inbound> INBOUND =
            Map.of("mentions", Inbound.MENTIONS, "direct_messages", Inbound.DIRECT_MESSAGES);
    private static final String INBOUND_EXPECTED = "mentions or direct_messages, or a list of them";
    private static final Map<String, OnConsentEnd> ON_CONSENT_END =
            Map.of("forget", OnConsentEnd.FORGET, "keep-provided", OnConsentEnd.KEEP_PROVIDED);
    private static final String ON_CONSENT_END_EXPECTED =
            "forget (the default) or keep-provided (keep only the facts the person gave the bot in their own messages)";

    private final NodeReader nodes;
    private final ClassChecker classes;
    private final Map<String, String> handles;
    private final List<String> validHandles;
    private final ScheduleReader schedules;
    /** Per bot name, in order, its own onThrottle, or null for the throttles section's. */
    private final Map<String, OnThrottle> onThrottle = new LinkedHashMap<>();

    BotsReader(NodeReader nodes, ClassChecker classes, Map<String, String> handles, List<String> validHandles) {
        this.nodes = nodes;
        this.classes = classes;
        this.handles = handles;
        this.validHandles = validHandles;
        this.schedules = new ScheduleReader(nodes);
    }

    /**
     * Per bot read, in order, its own {@code onThrottle}, or {@code null} when it follows {@code throttles.onThrottle}.
     */
    Map<String, OnThrottle> onThrottle() {
        return onThrottle;
    }

    List<BotConfig> read(YamlNode node, String path) {
        List<YamlNode> items = node == null
                ? List.of()
                : nodes.list(node, path, "a list of bots, like - { name: thanks, class: ..., account: ... }", false);
        List<BotConfig> bots = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        for (int i = 0; items != null && i < items.size(); i++) {
            Section bot = nodes.section(
                    items.get(i),
                    DocPath.index(path, i),
                    "a bot, like { name: thanks, class: com.acme.ThankYouBot, account: acme_news, inbound: mentions }",
                    KEYS);
            if (bot != null) {
                BotConfig config = bot(bot, firstLine);
                if (config != null) {
                    bots.add(config);
                }
            }
        }
        return bots;
    }

    private BotConfig bot(Section bot, Map<String, Integer> firstLine) {
        String name = name(bot, firstLine);
        String className = className(bot);
        String account = account(bot);
        YamlNode scheduleNode = bot.get("schedule");
        Schedule schedule = scheduleNode == null ? null : schedules.read(scheduleNode, bot.path("schedule"));
        YamlNode inboundNode = bot.get("inbound");
        Set<Inbound> inbound = inboundNode == null ? Set.of() : inbound(inboundNode, bot.path("inbound"));
        if (scheduleNode == null && inbound != null && inbound.isEmpty()) {
            nodes.problems()
                    .add(
                            bot.location(),
                            bot.path(),
                            "has neither a schedule nor inbound, so it would never run;"
                                    + " expected schedule: { every: 15m } or { cron: \"0 0 9 * * ?\" }, or inbound: mentions");
        }
        YamlNode modeNode = bot.get("onThrottle");
        OnThrottle mode = modeNode == null ? null : ThrottlesReader.onThrottle(nodes, modeNode, bot.path("onThrottle"));
        YamlNode purposesNode = bot.get("purposes");
        Set<Purpose> purposes =
                purposesNode == null ? Set.of() : new PurposesReader(nodes).read(purposesNode, bot.path("purposes"));
        YamlNode forgetNode = bot.get("onConsentEnd");
        OnConsentEnd onConsentEnd = forgetNode == null
                ? OnConsentEnd.FORGET
                : nodes.choice(forgetNode, bot.path("onConsentEnd"), ON_CONSENT_END, ON_CONSENT_END_EXPECTED);
        boolean ok = name != null
                && purposes != null
                && onConsentEnd != null
                && className != null
                && account != null
                && inbound != null
                && (scheduleNode == null || schedule != null)
                && (modeNode == null || mode != null);
        if (!ok) {
            return null;
        }
        onThrottle.put(name, mode);
        return new BotConfig(name, className, account, schedule, inbound, purposes, onConsentEnd);
    }

    private String name(Section bot, Map<String, Integer> firstLine) {
        YamlNode node = bot.require("name", NAME_EXPECTED);
        String name = node == null ? null : nodes.text(node, bot.path("name"), NAME_EXPECTED);
        if (name == null) {
            return null;
        }
        if (!NAME.matcher(name).matches()) {
            nodes.problem(
                    node,
                    bot.path("name"),
                    "found " + NodeReader.describe(node) + ", which is not a valid bot name; expected "
                            + NAME_EXPECTED);
            return null;
        }
        Integer earlier = firstLine.putIfAbsent(name, node.location().line());
        if (earlier != null) {
            nodes.problem(
                    node,
                    bot.path("name"),
                    "bot " + name + " is already configured on line " + earlier + "; expected each bot name once");
            return null;
        }
        return name;
    }

    private String className(Section bot) {
        String expected = "the bot's class, implementing " + Bot.class.getName() + ", like com.acme.ThankYouBot";
        YamlNode node = bot.require("class", expected);
        String className = node == null ? null : nodes.text(node, bot.path("class"), expected);
        if (className == null) {
            return null;
        }
        String problem = classes.problemWith(className.strip(), Bot.class).orElse(null);
        if (problem != null) {
            nodes.problem(node, bot.path("class"), problem);
            return null;
        }
        return className.strip();
    }

    private String account(Section bot) {
        String expected = validHandles.isEmpty()
                ? "the handle of an account under accounts: (none are configured)"
                : "one of the handles under accounts: " + String.join(", ", validHandles);
        YamlNode node = bot.require("account", expected);
        String written = node == null ? null : nodes.text(node, bot.path("account"), expected);
        if (written == null) {
            return null;
        }
        String bare = written.strip().startsWith("@") ? written.strip().substring(1) : written.strip();
        String handle = handles.get(bare.toLowerCase(Locale.ROOT));
        if (handle == null) {
            nodes.problem(
                    node,
                    bot.path("account"),
                    "no account " + Quoting.quote(written.strip()) + " is configured"
                            + Suggestions.didYouMean(bare, handles.values()) + "; expected " + expected);
        }
        return handle;
    }

    private Set<Inbound> inbound(YamlNode node, String path) {
        List<YamlNode> items = nodes.list(node, path, INBOUND_EXPECTED, true);
        if (items == null) {
            return null;
        }
        Set<Inbound> kinds = EnumSet.noneOf(Inbound.class);
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String itemPath = node == item ? path : DocPath.index(path, i);
            String text = nodes.text(item, itemPath, INBOUND_EXPECTED);
            Inbound kind = text == null ? null : INBOUND.get(text.strip());
            if (text != null && kind == null) {
                nodes.problem(
                        item,
                        itemPath,
                        "found " + NodeReader.describe(item) + suggestInbound(text.strip()) + "; expected "
                                + INBOUND_EXPECTED);
            }
            if (kind == null) {
                ok = false;
            } else {
                kinds.add(kind);
            }
        }
        return ok ? kinds : null;
    }

    private static String suggestInbound(String written) {
        String lower = written.toLowerCase(Locale.ROOT);
        if (lower.equals("dm") || lower.equals("dms") || lower.contains("direct") || lower.contains("message")) {
            return " (did you mean \"direct_messages\"?)";
        }
        return Suggestions.didYouMean(written, List.of("mentions", "direct_messages"));
    }
}
