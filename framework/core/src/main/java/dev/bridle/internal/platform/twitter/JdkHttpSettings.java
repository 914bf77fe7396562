package dev.bridle.internal.platform.twitter;

/**
 * JVM-wide settings the adapter needs before the first HTTP call, applied from the adapter's static initialisation (and
 * by {@code PlatformFactory}).
 *
 * <ul>
 *   <li>{@code sun.net.http.retryPost=false}: otherwise the JDK's {@code HttpURLConnection} (twitter4j's transport)
 *       silently sends a POST a second time when the connection drops before the response, a second write on the
 *       platform that Bridle never decided. The JDK reads the property once, when its HTTP client class loads, so it
 *       must be set before any {@code HttpURLConnection} is used in this JVM.
 *   <li>{@code twitter4j.loggerFactory=twitter4j.NullLoggerFactory} unless set: twitter4j's debug logging writes the
 *       OAuth base string (consumer key and access token) and its own configuration; credentials must never reach a
 *       log.
 * </ul>
 */
final class JdkHttpSettings {

    static final String RETRY_POST = "sun.net.http.retryPost";
    static final String TWITTER4J_LOGGER = "twitter4j.loggerFactory";

    private JdkHttpSettings() {}

    static synchronized void apply() {
        System.setProperty(RETRY_POST, "false");
        if (System.getProperty(TWITTER4J_LOGGER) == null) {
            System.setProperty(TWITTER4J_LOGGER, "twitter4j.NullLoggerFactory");
        }
    }
}
