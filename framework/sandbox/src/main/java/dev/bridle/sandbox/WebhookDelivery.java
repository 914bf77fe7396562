package dev.bridle.sandbox;

import java.util.Objects;

/**
 * One event POSTed to a webhook, and how the receiver answered.
 *
 * @param webhookId the webhook
 * @param forUserId the subscribed account the event is for
 * @param eventType {@code tweet_create_events} or {@code direct_message_events}
 * @param body the exact JSON body sent (the signature covers these bytes)
 * @param signature the {@code x-twitter-webhooks-signature} header value
 * @param status the receiver's HTTP status, or -1 when the POST failed
 * @param error why the POST failed, or {@code null}
 */
public record WebhookDelivery(
        String webhookId, String forUserId, String eventType, String body, String signature, int status, String error) {

    public WebhookDelivery {
        Objects.requireNonNull(webhookId, "webhookId");
        Objects.requireNonNull(body, "body");
    }

    /** Whether the receiver answered 2xx. */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
