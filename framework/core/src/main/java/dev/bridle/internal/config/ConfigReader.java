package dev.bridle.internal.config;

import dev.bridle.config.Environment;
import dev.bridle.config.Purpose;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.yaml.DocPath;
import dev.bridle.internal.yaml.YamlNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps the document onto {@link BridleConfig}: the top-level keys and the small sections here; accounts, bots,
 * throttles, duplicates, consent, opt-outs and inbound in their own readers. Reports every problem and returns
 * {@code null} if any.
 */
final class ConfigReader {

    static final List<String> ROOT_KEYS = List.of(
            "environment",
            "dryRun",
            "app",
            "store",
            "platform",
            "scheduler",
            "modules",
            "accounts",
            "bots",
            "throttles",
            "duplicates",
            "consent",
            "optout",
            "inbound",
            "recognisers");

    private static final String ENVIRONMENTS = "dev, staging or prod";

    private final NodeReader nodes;
    private final ClassChecker classes;
    private final Path file;

    /**
     * @param file the file read, whose directory relative paths in it are read from; {@code null} for the working
     *     directory
     */
    ConfigReader(NodeReader nodes, ClassChecker classes, Path file) {
        this.nodes = nodes;
        this.classes = classes;
        this.file = file;
    }

    BridleConfig read(YamlNode root, String source) {
        Section doc = nodes.section(root, "", "a map with environment:, app:, accounts: and bots:", ROOT_KEYS);
        if (doc == null) {
            return null;
        }
        Environment environment = environment(doc);
        AppConfig app = app(doc, environment);
        Boolean dryRun = doc.get("dryRun") == null
                ? Boolean.valueOf(ConfigLoader.DEFAULT_DRY_RUN)
                : nodes.bool(doc.get("dryRun"), doc.path("dryRun"));
        StoreConfig store = store(doc);
        PlatformConfig platform = platform(doc);
        SchedulerConfig scheduler = scheduler(doc);
        List<String> modules = modules(doc);
        AccountsReader accounts = new AccountsReader(nodes);
        List<AccountConfig> accountList = accounts.read(doc.get("accounts"), doc.path("accounts"));
        BotsReader botsReader = new BotsReader(nodes, classes, accounts.handles(), accounts.validHandles());
        List<BotConfig> bots = botsReader.read(doc.get("bots"), doc.path("bots"));
        ThrottlesConfig throttles = new ThrottlesReader(nodes, accounts)
                .read(doc.get("throttles"), doc.path("throttles"), store, botsReader.onThrottle());
        DuplicatesConfig duplicates = new DuplicatesReader(nodes).read(doc.get("duplicates"), doc.path("duplicates"));
        ConsentSettings consent =
                new ConsentReader(nodes).read(doc.get("consent"), doc.path("consent"), app == null ? null : app.name());
        OptOutSettings optOut = new OptOutReader(nodes, accounts, file).read(doc.get("optout"), doc.path("optout"));
        InboundConfig inbound = new InboundReader(nodes).read(doc.get("inbound"), doc.path("inbound"), accountList);
        TermFiles termFiles = new TermFilesReader(nodes, file).read(doc.get("recognisers"), doc.path("recognisers"));
        if (!nodes.problems().isEmpty()) {
            return null;
        }
        return new BridleConfig(
                source,
                environment,
                app,
                dryRun,
                store,
                platform,
                scheduler,
                modules,
                accountList,
                bots,
                throttles,
                duplicates,
                consent,
                optOut,
                inbound,
                termFiles);
    }

    private Environment environment(Section doc) {
        YamlNode node = doc.require("environment", ENVIRONMENTS);
        String text = node == null ? null : nodes.text(node, doc.path("environment"), ENVIRONMENTS);
        if (text == null) {
            return null;
        }
        var parsed = Environment.parse(text.strip());
        if (parsed.isEmpty()) {
            String hint = Arrays.stream(Environment.values())
                    .filter(e -> e.labels().contains(text.strip().toLowerCase(Locale.ROOT)))
                    .map(e -> " (did you mean \"" + e + "\"?)")
                    .findFirst()
                    .orElse(Suggestions.didYouMean(text, List.of("dev", "staging", "prod")));
            nodes.problem(
                    node,
                    doc.path("environment"),
                    "found " + NodeReader.describe(node) + hint + "; expected " + ENVIRONMENTS);
        }
        return parsed.orElse(null);
    }

    private AppConfig app(Section doc, Environment environment) {
        YamlNode node =
                doc.require("app", "the app's name and purpose, like { name: acme-bots-dev, purpose: \"...\" }");
        Section app = node == null
                ? null
                : nodes.section(
                        node,
                        doc.path("app"),
                        "the app's name and purpose, like { name: acme-bots-dev, purpose: \"...\" }",
                        List.of("name", "purpose", "purposes"));
        if (app == null) {
            return null;
        }
        String nameExpected = "the platform app's name, saying its environment, like acme-bots-dev";
        YamlNode nameNode = app.require("name", nameExpected);
        String name = nameNode == null ? null : nonBlank(nameNode, app.path("name"), nameExpected);
        String purposeExpected = "what the bots are for, in a sentence";
        YamlNode purposeNode = app.require("purpose", purposeExpected);
        String purpose = purposeNode == null ? null : nonBlank(purposeNode, app.path("purpose"), purposeExpected);
        if (name != null && environment != null) {
            AppNameRule.check(name, environment).ifPresent(m -> nodes.problem(nameNode, app.path("name"), m));
        }
        Set<Purpose> purposes = app.get("purposes") == null
                ? Set.of()
                : new PurposesReader(nodes).read(app.get("purposes"), app.path("purposes"));
        return name == null || purpose == null || purposes == null ? null : new AppConfig(name, purpose, purposes);
    }

    private StoreConfig store(Section doc) {
        String expected = "the database, like { url: \"jdbc:h2:file:./data/bridle\" }";
        Section store = doc.get("store") == null
                ? null
                : nodes.section(
                        doc.get("store"),
                        doc.path("store"),
                        expected,
                        List.of("url", "username", "password", "anchor", "anchorKey"));
        if (store == null) {
            return doc.get("store") == null ? new StoreConfig(StoreConfig.DEFAULT_URL, null, null) : null;
        }
        String urlExpected = "a JDBC URL, jdbc:h2:... (embedded H2) or jdbc:postgresql:... (PostgreSQL)";
        String url = StoreConfig.DEFAULT_URL;
        if (store.get("url") != null) {
            url = nodes.text(store.get("url"), store.path("url"), urlExpected);
            if (url != null && !url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:postgresql:")) {
                nodes.problem(
                        store.get("url"),
                        store.path("url"),
                        "found " + NodeReader.describe(store.get("url"))
                                + ", which is not a supported database; expected " + urlExpected);
                url = null;
            }
        }
        String username = store.get("username") == null
                ? null
                : nodes.text(store.get("username"), store.path("username"), "the database user");
        Secret password = store.get("password") == null
                ? null
                : nodes.secret(
                        store.get("password"),
                        store.path("password"),
                        "the password, like \"${env:BRIDLE_DB_PASSWORD}\"");
        StoreAnchorReader anchors = new StoreAnchorReader(nodes, file);
        Path anchor = store.get("anchor") == null ? null : anchors.file(store.get("anchor"), store.path("anchor"), url);
        Secret anchorKey =
                store.get("anchorKey") == null ? null : anchors.key(store.get("anchorKey"), store.path("anchorKey"));
        return url == null ? null : new StoreConfig(url, username, password, anchor, anchorKey);
    }

    private PlatformConfig platform(Section doc) {
        String expected = "the platform API, like { api: v2 }";
        Section platform = doc.get("platform") == null
                ? null
                : nodes.section(doc.get("platform"), doc.path("platform"), expected, List.of("api", "baseUrl"));
        if (platform == null) {
            return doc.get("platform") == null ? new PlatformConfig(ConfigLoader.DEFAULT_API, null) : null;
        }
        ApiVersion api = ConfigLoader.DEFAULT_API;
        YamlNode apiNode = platform.get("api");
        if (apiNode != null) {
            String text = nodes.text(apiNode, platform.path("api"), "v2 or v1.1");
            api = text == null
                    ? null
                    : Arrays.stream(ApiVersion.values())
                            .filter(v -> v.label().equalsIgnoreCase(text.strip()))
                            .findFirst()
                            .orElse(null);
            if (text != null && api == null) {
                nodes.problem(
                        apiNode,
                        platform.path("api"),
                        "found " + NodeReader.describe(apiNode) + Suggestions.didYouMean(text, List.of("v2", "v1.1"))
                                + "; expected v2 or v1.1");
            }
        }
        String baseUrl = null;
        YamlNode urlNode = platform.get("baseUrl");
        String urlExpected = "an http or https URL, like http://localhost:8080";
        if (urlNode != null) {
            baseUrl = nodes.text(urlNode, platform.path("baseUrl"), urlExpected);
            if (baseUrl != null && !isHttpUrl(baseUrl)) {
                nodes.problem(
                        urlNode,
                        platform.path("baseUrl"),
                        "found " + NodeReader.describe(urlNode) + ", which is not an http(s) URL; expected "
                                + urlExpected);
                baseUrl = null;
            }
        }
        return api == null || urlNode != null && baseUrl == null ? null : new PlatformConfig(api, baseUrl);
    }

    private SchedulerConfig scheduler(Section doc) {
        Section scheduler = doc.get("scheduler") == null
                ? null
                : nodes.section(
                        doc.get("scheduler"),
                        doc.path("scheduler"),
                        "scheduler settings, like { threads: 4 }",
                        List.of("threads"));
        if (scheduler == null) {
            return doc.get("scheduler") == null ? new SchedulerConfig(SchedulerConfig.DEFAULT_THREADS) : null;
        }
        YamlNode node = scheduler.get("threads");
        if (node == null) {
            return new SchedulerConfig(SchedulerConfig.DEFAULT_THREADS);
        }
        String expected = "a whole number of at least 1";
        Integer threads = nodes.integer(node, scheduler.path("threads"), expected);
        if (threads != null && threads < 1) {
            nodes.problem(
                    node, scheduler.path("threads"), "found " + threads + ", which is too few; expected " + expected);
            return null;
        }
        return threads == null ? null : new SchedulerConfig(threads);
    }

    private List<String> modules(Section doc) {
        String expected = "a list of Guice module classes, like [ com.acme.AcmeModule ]";
        YamlNode node = doc.get("modules");
        List<YamlNode> items = node == null ? List.of() : nodes.list(node, doc.path("modules"), expected, true);
        if (items == null) {
            return List.of();
        }
        List<String> modules = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String path =
                    items.size() == 1 && item == node ? doc.path("modules") : DocPath.index(doc.path("modules"), i);
            String name = nodes.text(item, path, "a Guice module's class name, like com.acme.AcmeModule");
            if (name == null) {
                continue;
            }
            String className = name.strip();
            if (!seen.add(className)) {
                nodes.problem(item, path, "module " + className + " is listed twice; expected each module once");
                continue;
            }
            classes.problemWith(className, com.google.inject.Module.class).ifPresent(m -> nodes.problem(item, path, m));
            modules.add(className);
        }
        return modules;
    }

    private String nonBlank(YamlNode node, String path, String expected) {
        String text = nodes.text(node, path, expected);
        if (text != null && text.isBlank()) {
            nodes.problem(node, path, "is blank; expected " + expected);
            return null;
        }
        return text == null ? null : text.strip();
    }

    static boolean isHttpUrl(String text) {
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The labels of {@code environment}, sorted, for messages. */
    static String labels(Environment environment) {
        return environment.labels().stream().sorted().collect(Collectors.joining(", "));
    }
}
