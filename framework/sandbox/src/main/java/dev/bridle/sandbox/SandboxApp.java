package dev.bridle.sandbox;

import java.util.Objects;

/**
 * A developer app known to the sandbox: the OAuth 1.0a consumer key and secret a client signs with. The consumer secret
 * also keys the Account Activity webhook signatures and the CRC answer.
 *
 * @param name a label for people (printed by {@link SandboxMain})
 * @param consumerKey the public key sent as {@code oauth_consumer_key}
 * @param consumerSecret the secret half of the signing key
 */
public record SandboxApp(String name, String consumerKey, String consumerSecret) {

    public SandboxApp {
        Objects.requireNonNull(name, "name");
        requireText(consumerKey, "consumerKey");
        requireText(consumerSecret, "consumerSecret");
    }

    static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
    }

    /** Keeps the secret out of logs and exception messages. */
    @Override
    public String toString() {
        return "SandboxApp[name=" + name + ", consumerKey=" + consumerKey + ", consumerSecret=***]";
    }
}
