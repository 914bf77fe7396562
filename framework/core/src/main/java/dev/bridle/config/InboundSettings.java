package dev.bridle.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How mentions and direct messages arrive, as {@code inbound:} in {@code bridle.yaml} sets it: polled at intervals, and
 * sooner through the Account Activity webhook when it is on. Start from {@link #defaults()}; each {@code with} method
 * returns a new value.
 */
public final class InboundSettings {

    /** Mentions are read every 15 seconds. */
    public static final Duration DEFAULT_POLL_MENTIONS_EVERY = Duration.ofSeconds(15);
    /** Direct messages are read every minute. */
    public static final Duration DEFAULT_POLL_DIRECT_MESSAGES_EVERY = Duration.ofSeconds(60);
    /** The platform's read limit on mentions allows a read every 3 seconds at most. */
    public static final Duration MIN_POLL_MENTIONS_EVERY = Duration.ofSeconds(3);
    /** The platform's read limit on direct messages allows a read every minute at most. */
    public static final Duration MIN_POLL_DIRECT_MESSAGES_EVERY = Duration.ofSeconds(60);
    /** The webhook listens on loopback unless told otherwise, with a TLS proxy in front for the platform. */
    public static final String DEFAULT_WEBHOOK_BIND_ADDRESS = "127.0.0.1";
    /** The webhook's port unless set. */
    public static final int DEFAULT_WEBHOOK_PORT = 8787;
    /** The path events are POSTed to and the CRC GET arrives at, unless set. */
    public static final String DEFAULT_WEBHOOK_PATH = "/webhooks/account-activity";
    /** The largest webhook body accepted: a megabyte, far above the platform's largest event. */
    public static final int DEFAULT_WEBHOOK_MAX_BODY_BYTES = 1 << 20;

    private static final InboundSettings DEFAULTS = new InboundSettings();

    private Duration pollMentionsEvery = DEFAULT_POLL_MENTIONS_EVERY;
    private Duration pollDirectMessagesEvery = DEFAULT_POLL_DIRECT_MESSAGES_EVERY;
    private boolean webhook;
    private String webhookBindAddress = DEFAULT_WEBHOOK_BIND_ADDRESS;
    private int webhookPort = DEFAULT_WEBHOOK_PORT;
    private String webhookPath = DEFAULT_WEBHOOK_PATH;
    private int webhookMaxBodyBytes = DEFAULT_WEBHOOK_MAX_BODY_BYTES;
    private String webhookConsumerSecret;

    private InboundSettings() {}

    /** Polling at the default intervals, the webhook off. */
    public static InboundSettings defaults() {
        return DEFAULTS;
    }

    /**
     * How often each account's mentions and direct messages are read; at least {@link #MIN_POLL_MENTIONS_EVERY} and
     * {@link #MIN_POLL_DIRECT_MESSAGES_EVERY} (checked when Bridle is built).
     */
    public InboundSettings withPolling(Duration mentionsEvery, Duration directMessagesEvery) {
        InboundSettings s = copy();
        s.pollMentionsEvery = Throttles.positive("mentions interval", mentionsEvery);
        s.pollDirectMessagesEvery = Throttles.positive("direct messages interval", directMessagesEvery);
        return s;
    }

    /**
     * The webhook on, at {@code bindAddress:port} and {@code path}.
     *
     * @param port the port; 0 picks a free one
     */
    public InboundSettings withWebhook(String bindAddress, int port, String path) {
        InboundSettings s = copy();
        s.webhook = true;
        s.webhookBindAddress = Objects.requireNonNull(bindAddress, "bindAddress");
        s.webhookPort = port;
        s.webhookPath = Objects.requireNonNull(path, "path");
        return s;
    }

    /** The largest webhook body accepted; a larger one is refused unread. */
    public InboundSettings withWebhookMaxBodyBytes(int bytes) {
        InboundSettings s = copy();
        s.webhookMaxBodyBytes = bytes;
        return s;
    }

    /**
     * The app's consumer secret, which signs the webhook's CRC answers and every event; unless set, that of the
     * accounts' credentials. It never reaches logs or the ledger.
     */
    public InboundSettings withWebhookConsumerSecret(String secret) {
        InboundSettings s = copy();
        s.webhookConsumerSecret = ConsentPolicy.nonBlank("consumer secret", secret);
        return s;
    }

    /** How often mentions are read. */
    public Duration pollMentionsEvery() {
        return pollMentionsEvery;
    }

    /** How often direct messages are read. */
    public Duration pollDirectMessagesEvery() {
        return pollDirectMessagesEvery;
    }

    /** Whether the webhook listens. */
    public boolean webhook() {
        return webhook;
    }

    /** The address the webhook listens on. */
    public String webhookBindAddress() {
        return webhookBindAddress;
    }

    /** The webhook's port. */
    public int webhookPort() {
        return webhookPort;
    }

    /** The webhook's path. */
    public String webhookPath() {
        return webhookPath;
    }

    /** The largest webhook body accepted. */
    public int webhookMaxBodyBytes() {
        return webhookMaxBodyBytes;
    }

    /** The consumer secret given for the webhook, if any. */
    public Optional<String> webhookConsumerSecret() {
        return Optional.ofNullable(webhookConsumerSecret);
    }

    @Override
    public String toString() {
        // The secret never prints.
        return "InboundSettings[mentions every " + pollMentionsEvery + ", direct messages every "
                + pollDirectMessagesEvery + ", webhook "
                + (webhook ? webhookBindAddress + ":" + webhookPort + webhookPath : "off") + "]";
    }

    private InboundSettings copy() {
        InboundSettings s = new InboundSettings();
        s.pollMentionsEvery = pollMentionsEvery;
        s.pollDirectMessagesEvery = pollDirectMessagesEvery;
        s.webhook = webhook;
        s.webhookBindAddress = webhookBindAddress;
        s.webhookPort = webhookPort;
        s.webhookPath = webhookPath;
        s.webhookMaxBodyBytes = webhookMaxBodyBytes;
        s.webhookConsumerSecret = webhookConsumerSecret;
        return s;
    }
}
