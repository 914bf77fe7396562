package dev.bridle.internal.config;

import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.consent.Notice;
import dev.bridle.internal.yaml.DocPath;
import dev.bridle.internal.yaml.YamlNode;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads {@code consent:} onto {@link ConsentSettings}; what is not written keeps its default, and the operator is the
 * app's name unless given. A notice is checked for what would make its consent records prove the wrong thing: new words
 * under the default version, or scopes its words do not offer.
 */
final class ConsentReader {

    static final List<String> KEYS = List.of(
            "operator",
            "expiry",
            "notice",
            "policyVersion",
            "policyUrl",
            "jurisdiction",
            "contact",
            "cacheTtl",
            "interactionHashtag",
            "interactionExpiry");
    static final List<String> NOTICE_KEYS = List.of("version", "language", "scopes", "text");

    private static final String SCOPES =
            Arrays.stream(ConsentScope.values()).map(ConsentScope::wireName).collect(Collectors.joining(", "));
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*");
    private static final Pattern HASHTAG = Pattern.compile("#?[\\p{L}\\p{N}_]+");
    private static final Duration SHORTEST = Duration.ofSeconds(1);

    private final NodeReader nodes;

    ConsentReader(NodeReader nodes) {
        this.nodes = nodes;
    }

    /**
     * The settings, or {@code null} after reporting every problem.
     *
     * @param appName the app's name, the operator unless one is written; {@code null} when it is itself invalid
     */
    ConsentSettings read(YamlNode node, String path, String appName) {
        Section section = node == null
                ? null
                : nodes.section(
                        node,
                        path,
                        "consent settings, like { expiry: 365d, notice: { version: acme-1, text: \"...\" } }",
                        KEYS);
        if (node != null && section == null) {
            return null;
        }
        int before = nodes.problems().count();
        ConsentSettings defaults = ConsentSettings.defaults(appName == null ? "-" : appName);
        String operator = text(section, "operator", appName, "the operator's name in consent records and receipts");
        Duration expiry = span(section, "expiry", defaults.expiry(), "how long a consent lasts", SHORTEST);
        Notice notice = get(section, "notice") == null
                ? defaults.notice()
                : notice(get(section, "notice"), section.path("notice"), defaults.notice());
        String policyVersion = text(
                section,
                "policyVersion",
                defaults.policyVersion(),
                "the version of the operator's privacy policy, like \"2026-11\"");
        String policyUrl = url(section, defaults.policyUrl());
        String jurisdiction = text(
                section, "jurisdiction", defaults.jurisdiction(), "where consent is governed, a tag like EU or US-CA");
        String contact = text(
                section,
                "contact",
                defaults.controllerContact(),
                "how people reach the operator about their data, like privacy@acme.example");
        Duration cacheTtl = span(
                section,
                "cacheTtl",
                defaults.cacheTtl(),
                "how long a node trusts a consent another node may have changed",
                Duration.ZERO);
        String hashtag = hashtag(section, defaults.interactionHashtag());
        Duration interactionExpiry = span(
                section,
                "interactionExpiry",
                defaults.interactionExpiry(),
                "how long a mention's single-use consent waits for its reply",
                SHORTEST);
        if (nodes.problems().count() > before || operator == null) {
            return null; // operator is null, without a problem here, when the app's name is itself wrong
        }
        return new ConsentSettings(
                operator,
                expiry,
                notice,
                policyVersion,
                policyUrl,
                jurisdiction,
                contact,
                cacheTtl,
                hashtag,
                interactionExpiry);
    }

    private static YamlNode get(Section section, String key) {
        return section == null ? null : section.get(key);
    }

    /** Text at {@code key}, not blank; the fallback when absent. */
    private String text(Section section, String key, String fallback, String expected) {
        YamlNode node = get(section, key);
        if (node == null) {
            return fallback;
        }
        String text = nodes.text(node, section.path(key), expected);
        if (text != null && text.isBlank()) {
            nodes.problem(node, section.path(key), "is blank; expected " + expected);
            return null;
        }
        return text == null ? null : text.strip();
    }

    private Duration span(Section section, String key, Duration fallback, String what, Duration least) {
        YamlNode node = get(section, key);
        return node == null ? fallback : nodes.span(node, section.path(key), what, least);
    }

    private String url(Section section, String fallback) {
        YamlNode node = get(section, "policyUrl");
        String expected = "where the operator's privacy policy is, an http or https URL";
        String url = text(section, "policyUrl", fallback, expected);
        if (node != null && url != null && !ConfigReader.isHttpUrl(url)) {
            nodes.problem(
                    node,
                    section.path("policyUrl"),
                    "found " + NodeReader.describe(node) + ", which is not an http(s) URL; expected " + expected);
            return null;
        }
        return url;
    }

    private String hashtag(Section section, String fallback) {
        YamlNode node = get(section, "interactionHashtag");
        String expected = "one hashtag word, like AskAcme, or nothing to turn mention-plus-hashtag consent off";
        String tag = text(section, "interactionHashtag", fallback, expected);
        if (node != null && tag != null && !HASHTAG.matcher(tag).matches()) {
            nodes.problem(
                    node,
                    section.path("interactionHashtag"),
                    "found " + NodeReader.describe(node) + ", which is not one hashtag word; expected " + expected);
            return null;
        }
        return tag;
    }

    private Notice notice(YamlNode node, String path, Notice fallback) {
        Section notice = nodes.section(
                node,
                path,
                "the consent notice, like { version: acme-1, scopes: [reply]," + " text: \"...\" }",
                NOTICE_KEYS);
        if (notice == null) {
            return null;
        }
        int before = nodes.problems().count();
        String version = text(
                notice,
                "version",
                fallback.version(),
                "the notice's version, a name that changes whenever its text does, like acme-1");
        YamlNode languageNode = notice.get("language");
        String language = text(notice, "language", fallback.language(), "the notice's language tag, like en or pt-BR");
        if (languageNode != null
                && language != null
                && !LANGUAGE.matcher(language).matches()) {
            nodes.problem(
                    languageNode,
                    notice.path("language"),
                    "found " + NodeReader.describe(languageNode)
                            + ", which is not a language tag; expected the notice's language tag, like en or pt-BR");
        }
        Set<ConsentScope> scopes =
                notice.get("scopes") == null ? fallback.scopes() : scopes(notice.get("scopes"), notice.path("scopes"));
        String text = text(notice, "text", fallback.text(), "the exact words people answer START to");
        if (nodes.problems().count() > before) {
            return null;
        }
        if (!text.equals(fallback.text()) && version.equals(fallback.version())) {
            nodes.problem(
                    notice.get("text"),
                    notice.path("text"),
                    "differs from the default notice's text, yet the version"
                            + " is still " + fallback.version()
                            + "; expected a version of its own (notice.version, like acme-1),"
                            + " so that consent records say which words were answered");
            return null;
        }
        if (!scopes.equals(fallback.scopes()) && text.equals(fallback.text())) {
            nodes.problem(
                    notice.get("scopes"),
                    notice.path("scopes"),
                    "differ from the default notice's, whose text offers "
                            + fallback.scopes().stream()
                                    .sorted()
                                    .map(ConsentScope::wireName)
                                    .collect(Collectors.joining(", "))
                            + "; expected notice.text (and a new notice.version) saying what START agrees to");
            return null;
        }
        return new Notice(version, text, scopes, language);
    }

    private Set<ConsentScope> scopes(YamlNode node, String path) {
        String expected = "consent scopes, a list of " + SCOPES;
        List<YamlNode> items = nodes.list(node, path, expected, true);
        if (items == null) {
            return null;
        }
        if (items.isEmpty()) {
            nodes.problem(node, path, "has no scopes; expected at least one of " + SCOPES);
            return null;
        }
        Set<ConsentScope> scopes = EnumSet.noneOf(ConsentScope.class);
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            YamlNode item = items.get(i);
            String itemPath = item == node ? path : DocPath.index(path, i);
            ConsentScope scope = nodes.choice(item, itemPath, byName(), "one of " + SCOPES);
            ok &= scope != null;
            if (scope != null) {
                scopes.add(scope);
            }
        }
        return ok ? scopes : null;
    }

    private static Map<String, ConsentScope> byName() {
        Map<String, ConsentScope> names = new LinkedHashMap<>();
        for (ConsentScope scope : ConsentScope.values()) {
            names.put(scope.wireName(), scope);
        }
        return names;
    }
}
