package dev.bridle.internal.inbound;

import dev.bridle.config.InboundSettings;
import dev.bridle.internal.secret.Secret;
import java.util.Objects;

/**
 * The Account Activity webhook endpoint. Off by default: polling works without it, and the webhook only makes inbound
 * messages (and so opt-outs) arrive sooner.
 *
 * @param enabled whether to listen
 * @param bindAddress the address to listen on; loopback by default, with a TLS proxy in front for the platform
 * @param port the port; 0 picks a free one (tests)
 * @param path the path events are POSTed to and the CRC GET arrives at
 * @param maxBodyBytes the largest body accepted; a larger one is refused unread
 * @param consumerSecret the app's consumer secret, which signs the CRC answer and every event; {@code null} to use that
 *     of the accounts' credentials
 */
public record WebhookSettings(
        boolean enabled, String bindAddress, int port, String path, int maxBodyBytes, Secret consumerSecret) {

    /** Loopback: the endpoint is reachable from this machine only, unless the operator says otherwise. */
    public static final String DEFAULT_BIND_ADDRESS = InboundSettings.DEFAULT_WEBHOOK_BIND_ADDRESS;
    /** The port unless configured. */
    public static final int DEFAULT_PORT = InboundSettings.DEFAULT_WEBHOOK_PORT;
    /** The path unless configured. */
    public static final String DEFAULT_PATH = InboundSettings.DEFAULT_WEBHOOK_PATH;
    /**
     * One megabyte: an event batch of a few posts or messages with their user objects is a few kilobytes; the
     * platform's largest (a 10,000-character message with entities) is far below this.
     */
    public static final int DEFAULT_MAX_BODY_BYTES = InboundSettings.DEFAULT_WEBHOOK_MAX_BODY_BYTES;
    /** The smallest body limit: below a kilobyte even a single event with its user object would not fit. */
    public static final int MIN_MAX_BODY_BYTES = 1024;

    public WebhookSettings {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(path, "path");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("the webhook port is 0 to 65535, not " + port);
        }
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("the webhook path starts with '/': " + path);
        }
        if (maxBodyBytes < MIN_MAX_BODY_BYTES) {
            throw new IllegalArgumentException(
                    "the webhook body limit is at least " + MIN_MAX_BODY_BYTES + " bytes, not " + maxBodyBytes);
        }
    }

    /** Off, on loopback port {@value #DEFAULT_PORT} when turned on. */
    public static WebhookSettings defaults() {
        return new WebhookSettings(
                false, DEFAULT_BIND_ADDRESS, DEFAULT_PORT, DEFAULT_PATH, DEFAULT_MAX_BODY_BYTES, null);
    }

    /** The same settings, turned on, on {@code port}. */
    public WebhookSettings enabledOn(int port) {
        return new WebhookSettings(true, bindAddress, port, path, maxBodyBytes, consumerSecret);
    }

    /** The same settings, signing with {@code secret}. */
    public WebhookSettings withConsumerSecret(Secret secret) {
        return new WebhookSettings(enabled, bindAddress, port, path, maxBodyBytes, secret);
    }
}
