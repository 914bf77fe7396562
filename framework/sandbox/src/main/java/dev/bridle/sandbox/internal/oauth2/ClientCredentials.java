package dev.bridle.sandbox.internal.oauth2;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * An app's consumer key and secret as the token endpoints receive them: HTTP Basic, each half URL-encoded before they
 * are joined with {@code :} and Base64-encoded (application-only.mdx, "Step 1: Encode consumer key and secret").
 *
 * @param consumerKey the decoded consumer key
 * @param consumerSecret the decoded consumer secret
 */
record ClientCredentials(String consumerKey, String consumerSecret) {

    /** The credentials of a {@code Basic} Authorization header, or empty when it is absent or malformed. */
    static Optional<ClientCredentials> parse(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String value = authorization.trim();
        if (!value.toLowerCase(Locale.ROOT).startsWith("basic ")) {
            return Optional.empty();
        }
        try {
            String joined =
                    new String(Base64.getDecoder().decode(value.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = joined.indexOf(':');
            if (colon <= 0) {
                return Optional.empty();
            }
            return Optional.of(new ClientCredentials(
                    URLDecoder.decode(joined.substring(0, colon), StandardCharsets.UTF_8),
                    URLDecoder.decode(joined.substring(colon + 1), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Keeps the secret out of logs. */
    @Override
    public String toString() {
        return "ClientCredentials[consumerKey=" + consumerKey + ", consumerSecret=***]";
    }
}
