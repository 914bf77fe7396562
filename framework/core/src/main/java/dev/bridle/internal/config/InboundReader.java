package dev.bridle.internal.config;

import dev.bridle.internal.inbound.InboundPoller;
import dev.bridle.internal.inbound.WebhookSettings;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.yaml.YamlNode;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Reads {@code inbound:}: how often mentions and direct messages are polled (never more often than the platform's read
 * limits allow) and the Account Activity webhook. What is not written keeps its default.
 */
final class InboundReader {

    /** A webhook turned on with nothing to sign its answers. */
    static final String UNSIGNED_WEBHOOK = "is true, but nothing would sign the webhook's answers: it has no"
            + " consumerSecret and no account has credentials; expected consumerSecret: " + InboundReader.SECRET_EXAMPLE
            + " (the app's consumer secret)";

    static final List<String> KEYS = List.of("poll", "webhook");
    static final List<String> POLL_KEYS = List.of("mentionsEvery", "directMessagesEvery");
    static final List<String> WEBHOOK_KEYS =
            List.of("enabled", "bind", "port", "path", "maxBodyBytes", "consumerSecret");

    private static final String SECRET_EXAMPLE = "\"${env:ACME_CONSUMER_SECRET}\"";

    private final NodeReader nodes;

    InboundReader(NodeReader nodes) {
        this.nodes = nodes;
    }

    /**
     * The section, or {@code null} after reporting every problem.
     *
     * @param accounts the accounts read, whose consumer secret signs webhook events unless the webhook has its own
     */
    InboundConfig read(YamlNode node, String path, List<AccountConfig> accounts) {
        InboundConfig defaults = InboundConfig.defaults();
        if (node == null) {
            return defaults;
        }
        Section section = nodes.section(node, path, "inbound settings, like { poll: { mentionsEvery: 15s } }", KEYS);
        if (section == null) {
            return null;
        }
        int before = nodes.problems().count();
        Duration mentions = defaults.pollMentionsEvery();
        Duration messages = defaults.pollDirectMessagesEvery();
        YamlNode pollNode = section.get("poll");
        Section poll = pollNode == null
                ? null
                : nodes.section(
                        pollNode,
                        section.path("poll"),
                        "polling intervals, like { mentionsEvery: 15s, directMessagesEvery: 1m }",
                        POLL_KEYS);
        if (poll != null && poll.get("mentionsEvery") != null) {
            mentions = nodes.span(
                    poll.get("mentionsEvery"),
                    poll.path("mentionsEvery"),
                    "how often each account's mentions are read (the platform allows 300 reads per 15 minutes per account)",
                    InboundPoller.MIN_MENTIONS_EVERY);
        }
        if (poll != null && poll.get("directMessagesEvery") != null) {
            messages = nodes.span(
                    poll.get("directMessagesEvery"),
                    poll.path("directMessagesEvery"),
                    "how often each account's direct messages are read (the platform allows 15 reads per 15 minutes"
                            + " per account)",
                    InboundPoller.MIN_MESSAGES_EVERY);
        }
        WebhookSettings webhook = section.get("webhook") == null
                ? defaults.webhook()
                : webhook(section.get("webhook"), section.path("webhook"), defaults.webhook(), accounts);
        if (nodes.problems().count() > before) {
            return null;
        }
        return new InboundConfig(mentions, messages, webhook);
    }

    private WebhookSettings webhook(
            YamlNode node, String path, WebhookSettings defaults, List<AccountConfig> accounts) {
        Section webhook = nodes.section(
                node,
                path,
                "the webhook endpoint, like { enabled: true, port: 8787," + " consumerSecret: " + SECRET_EXAMPLE + " }",
                WEBHOOK_KEYS);
        if (webhook == null) {
            return null;
        }
        int before = nodes.problems().count();
        Boolean enabled = webhook.get("enabled") == null
                ? Boolean.valueOf(defaults.enabled())
                : nodes.bool(webhook.get("enabled"), webhook.path("enabled"));
        String bind = webhook.get("bind") == null ? defaults.bindAddress() : bind(webhook);
        Integer port = webhook.get("port") == null ? Integer.valueOf(defaults.port()) : port(webhook);
        String endpoint = webhook.get("path") == null ? defaults.path() : path(webhook);
        Integer maxBody =
                webhook.get("maxBodyBytes") == null ? Integer.valueOf(defaults.maxBodyBytes()) : maxBody(webhook);
        Secret secret = webhook.get("consumerSecret") == null ? defaults.consumerSecret() : secret(webhook);
        if (Boolean.TRUE.equals(enabled)
                && secret == null
                && webhook.get("consumerSecret") == null
                && accounts.stream().map(AccountConfig::credentials).allMatch(Objects::isNull)) {
            YamlNode at = Objects.requireNonNullElse(webhook.get("enabled"), node);
            nodes.problem(at, webhook.path("enabled"), UNSIGNED_WEBHOOK);
        }
        if (nodes.problems().count() > before) {
            return null;
        }
        return new WebhookSettings(enabled, bind, port, endpoint, maxBody, secret);
    }

    private String bind(Section webhook) {
        YamlNode node = webhook.get("bind");
        String expected = "the address to listen on, like 127.0.0.1 (this machine only) or 0.0.0.0 (every interface)";
        String bind = nodes.text(node, webhook.path("bind"), expected);
        if (bind != null && (bind.isBlank() || bind.strip().chars().anyMatch(Character::isWhitespace))) {
            nodes.problem(
                    node,
                    webhook.path("bind"),
                    "found " + NodeReader.describe(node) + ", which is not an address; expected " + expected);
            return null;
        }
        return bind == null ? null : bind.strip();
    }

    private Integer port(Section webhook) {
        YamlNode node = webhook.get("port");
        String expected = "a port from 1 to 65535 (or 0 for any free one)";
        Integer port = nodes.integer(node, webhook.path("port"), expected);
        if (port != null && (port < 0 || port > 65_535)) {
            nodes.problem(node, webhook.path("port"), "found " + port + ", which is not a port; expected " + expected);
            return null;
        }
        return port;
    }

    private String path(Section webhook) {
        YamlNode node = webhook.get("path");
        String expected = "the path events are posted to, starting with /, like /webhooks/account-activity";
        String path = nodes.text(node, webhook.path("path"), expected);
        if (path != null
                && (!path.strip().startsWith("/") || path.strip().chars().anyMatch(Character::isWhitespace))) {
            nodes.problem(
                    node,
                    webhook.path("path"),
                    "found " + NodeReader.describe(node) + ", which is not a path; expected " + expected);
            return null;
        }
        return path == null ? null : path.strip();
    }

    private Integer maxBody(Section webhook) {
        YamlNode node = webhook.get("maxBodyBytes");
        String expected = "the largest event body accepted, in bytes, at least " + WebhookSettings.MIN_MAX_BODY_BYTES;
        Integer bytes = nodes.integer(node, webhook.path("maxBodyBytes"), expected);
        if (bytes != null && bytes < WebhookSettings.MIN_MAX_BODY_BYTES) {
            nodes.problem(
                    node,
                    webhook.path("maxBodyBytes"),
                    "found " + bytes + ", which is too small; expected " + expected);
            return null;
        }
        return bytes;
    }

    /** The app's consumer secret, read from the environment: it signs every event, so it stays out of the file. */
    private Secret secret(Section webhook) {
        YamlNode node = webhook.get("consumerSecret");
        String expected = "the app's consumer secret from the environment, like " + SECRET_EXAMPLE;
        Secret secret = nodes.secret(node, webhook.path("consumerSecret"), expected);
        if (secret == null) {
            return null;
        }
        if (secret.variable().isEmpty()) {
            nodes.problem(
                    node,
                    webhook.path("consumerSecret"),
                    "is written in the file; expected " + expected + ", so that the secret stays out of the file");
            return null;
        }
        if (secret.isEmpty()) {
            nodes.problem(
                    node,
                    webhook.path("consumerSecret"),
                    "is empty (environment variable " + secret.variable().get() + " is set to nothing); expected "
                            + expected);
            return null;
        }
        return secret;
    }
}
