package dev.bridle.internal.config;

import dev.bridle.bot.ReasonCode;
import java.util.Objects;
import java.util.Optional;

/**
 * One app per use case (X Developer Policy, multiple applications): a configuration is one use case, so every account
 * in it acts through the same platform app, the one whose consumer key signs its requests. A second app beside the
 * first in one configuration is a second use case hidden in the first, or the same use case spread over apps to
 * multiply its limits; both are refused with {@link ReasonCode#MULTIPLE_APPS}. The key is compared, never shown.
 */
final class OneAppRule {

    private OneAppRule() {}

    /**
     * What is wrong with {@code handle} signing with {@code consumerKey} when {@code firstHandle} signs with
     * {@code firstKey}, or empty when they are the same app.
     */
    static Optional<String> check(String handle, String consumerKey, String firstHandle, String firstKey) {
        if (Objects.equals(consumerKey, firstKey)) {
            return Optional.empty();
        }
        return Optional.of("@" + handle + " acts through another platform app than @" + firstHandle
                + " (their consumer keys differ); " + ReasonCode.MULTIPLE_APPS + ": "
                + ReasonCode.MULTIPLE_APPS.rule().summary() + " ("
                + ReasonCode.MULTIPLE_APPS.rule().source()
                + "); expected one consumer key for every account here, and another configuration with its own"
                + " app name and store for another use case");
    }
}
