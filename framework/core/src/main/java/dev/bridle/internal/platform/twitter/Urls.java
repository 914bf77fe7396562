package dev.bridle.internal.platform.twitter;

import java.net.URI;

/**
 * Where the two APIs live: v1.1 under {@code base/1.1/}, v2 under {@code base/2/}.
 *
 * @param base the base URL, ending in {@code /}
 */
record Urls(String base) {

    /** The platform's own host. docs.x.com documents {@code api.x.com}; {@code api.twitter.com} serves the same API. */
    static final String DEFAULT_BASE = "https://api.x.com/";

    static Urls of(String base) {
        String b = base == null || base.isBlank() ? DEFAULT_BASE : base.trim();
        URI uri = URI.create(b);
        if (uri.getScheme() == null
                || uri.getHost() == null
                || !(uri.getScheme().equals("https") || uri.getScheme().equals("http"))) {
            throw new IllegalArgumentException(
                    "the platform base URL must be an http(s) URL such as " + DEFAULT_BASE + ", not '" + base + "'");
        }
        if (uri.getQuery() != null || uri.getFragment() != null) {
            throw new IllegalArgumentException("the platform base URL must not have a query or fragment: " + base);
        }
        return new Urls(b.endsWith("/") ? b : b + "/");
    }

    String v1() {
        return base + "1.1/";
    }

    String v2() {
        return base + "2/";
    }
}
