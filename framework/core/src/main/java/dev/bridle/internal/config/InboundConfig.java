package dev.bridle.internal.config;

import dev.bridle.internal.inbound.InboundPoller;
import dev.bridle.internal.inbound.WebhookSettings;
import java.time.Duration;
import java.util.Objects;

/**
 * The {@code inbound:} section: how often mentions and direct messages are polled, and the Account Activity webhook
 * that makes them arrive sooner.
 *
 * @param pollMentionsEvery how often each account's mentions are read; at least
 *     {@link InboundPoller#MIN_MENTIONS_EVERY}, the platform's read limit
 * @param pollDirectMessagesEvery how often each account's direct messages are read; at least
 *     {@link InboundPoller#MIN_MESSAGES_EVERY}, the platform's read limit
 * @param webhook the webhook endpoint
 */
public record InboundConfig(Duration pollMentionsEvery, Duration pollDirectMessagesEvery, WebhookSettings webhook) {

    private static final InboundConfig DEFAULTS = new InboundConfig(
            InboundPoller.DEFAULT_MENTIONS_EVERY, InboundPoller.DEFAULT_MESSAGES_EVERY, WebhookSettings.defaults());

    public InboundConfig {
        Objects.requireNonNull(pollMentionsEvery, "pollMentionsEvery");
        Objects.requireNonNull(pollDirectMessagesEvery, "pollDirectMessagesEvery");
        Objects.requireNonNull(webhook, "webhook");
        if (pollMentionsEvery.compareTo(InboundPoller.MIN_MENTIONS_EVERY) < 0) {
            throw new IllegalArgumentException(
                    "mentions may be polled at most every " + InboundPoller.MIN_MENTIONS_EVERY
                            + " (the platform's read limit), not every " + pollMentionsEvery);
        }
        if (pollDirectMessagesEvery.compareTo(InboundPoller.MIN_MESSAGES_EVERY) < 0) {
            throw new IllegalArgumentException(
                    "direct messages may be polled at most every " + InboundPoller.MIN_MESSAGES_EVERY
                            + " (the platform's read limit), not every " + pollDirectMessagesEvery);
        }
    }

    /** The poller's default intervals, the webhook off. */
    public static InboundConfig defaults() {
        return DEFAULTS;
    }
}
