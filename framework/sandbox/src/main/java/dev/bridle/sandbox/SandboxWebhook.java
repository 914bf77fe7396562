package dev.bridle.sandbox;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * A registered Account Activity webhook that passed the CRC check.
 *
 * @param id the webhook id
 * @param url where events are POSTed (loopback only)
 * @param consumerKey the app whose consumer secret signs the events
 * @param createdAt when it was registered
 */
public record SandboxWebhook(String id, URI url, String consumerKey, Instant createdAt) {

    public SandboxWebhook {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
