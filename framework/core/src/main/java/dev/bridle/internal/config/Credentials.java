package dev.bridle.internal.config;

import dev.bridle.internal.secret.Secret;
import java.util.Objects;

/** OAuth 1.0a user-context credentials for one account; every part prints as {@code ****}. */
public record Credentials(Secret consumerKey, Secret consumerSecret, Secret accessToken, Secret accessTokenSecret) {

    public Credentials {
        Objects.requireNonNull(consumerKey, "consumerKey");
        Objects.requireNonNull(consumerSecret, "consumerSecret");
        Objects.requireNonNull(accessToken, "accessToken");
        Objects.requireNonNull(accessTokenSecret, "accessTokenSecret");
    }
}
