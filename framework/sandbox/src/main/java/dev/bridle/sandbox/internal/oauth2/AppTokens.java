package dev.bridle.sandbox.internal.oauth2;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The app-only bearer tokens the sandbox has issued, one per app (consumer key) at a time, as X does: asking again
 * gives the same token until it is invalidated, and after that a different one (xdevplatform/docs
 * {@code resources/fundamentals/authentication/oauth-2-0/application-only.mdx}: "one App only Access Token is valid for
 * an application at a time"). Tokens are credentials: they survive {@code Sandbox.reset()} as access tokens do.
 */
public final class AppTokens {
    private static final char[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> byApp = new HashMap<>();
    private final Map<String, String> appByToken = new HashMap<>();

    /** The app's token: the one it has, or a new one. */
    public synchronized String issue(String consumerKey) {
        return byApp.computeIfAbsent(consumerKey, key -> {
            String token = newToken();
            appByToken.put(token, key);
            return token;
        });
    }

    /** The app a token was issued to, while it is valid. */
    public synchronized Optional<String> appOf(String token) {
        return Optional.ofNullable(appByToken.get(token));
    }

    /** Invalidates {@code token} if it is the app's current one; whether it was. */
    public synchronized boolean invalidate(String consumerKey, String token) {
        if (!token.equals(byApp.get(consumerKey))) {
            return false;
        }
        byApp.remove(consumerKey);
        appByToken.remove(token);
        return true;
    }

    /** Invalidates the app's current token, if it has one; whether it had. */
    public synchronized boolean invalidate(String consumerKey) {
        String token = byApp.get(consumerKey);
        return token != null && invalidate(consumerKey, token);
    }

    /**
     * A token shaped like X's: a run of {@code A}s, then URL-encoded {@code /} and {@code =} ({@code %2F},
     * {@code %3D}), so a client that decodes the token and encodes it again (twitter4j does) is tested for sending it
     * back as issued.
     */
    private String newToken() {
        return "AAAAAAAAAAAAAAAAAAAAA" + chars(22) + "%2F" + chars(20) + "%3D" + chars(40);
    }

    private String chars(int n) {
        StringBuilder b = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            b.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return b.toString();
    }
}
