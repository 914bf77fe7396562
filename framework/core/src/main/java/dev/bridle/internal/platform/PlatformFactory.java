package dev.bridle.internal.platform;

import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.platform.twitter.TwitterPlatform;
import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.platform.Platform;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The twitter4j adapter for a configuration, so that nothing reaches a platform by accident: every account needs its
 * credentials, and the adapter acts on the configured base URL (X's unless {@code platform.baseUrl} names another, a
 * standalone sandbox, say). A configuration whose accounts have no credentials is refused here: the runtime has no
 * sandbox of its own; {@code bridle run} starts one and gives its credentials (bridle-cli), as the test kit does.
 *
 * <pre>{@code
 * Platform platform = PlatformFactory.connect(config, clock, throttles.feedback());   // the plan's PlatformLimits
 * }</pre>
 */
public final class PlatformFactory {

    private static final Logger log = LoggerFactory.getLogger(PlatformFactory.class);

    private PlatformFactory() {}

    /**
     * The platform for {@code config}.
     *
     * @param limits what the platform says of its rate limits, kept where the plan reads it (the throttles')
     * @throws IllegalStateException if there is no account, or an account has no credentials
     */
    public static Platform connect(BridleConfig config, Clock clock, PlatformLimits limits) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(limits, "limits");
        TwitterPlatform.configureJvm();
        List<AccountConfig> accounts = config.accounts();
        if (accounts.isEmpty()) {
            throw new IllegalStateException(
                    config.source() + ": no accounts are configured, so there is nothing to act as");
        }
        List<AccountConfig> withCredentials =
                accounts.stream().filter(a -> a.credentials() != null).toList();
        List<AccountConfig> without =
                accounts.stream().filter(a -> a.credentials() == null).toList();
        if (withCredentials.isEmpty()) {
            throw new IllegalStateException(config.source() + ": no account has credentials, so there is no platform"
                    + " to act on. Give every account its credentials to act on X; `bridle run` acts on a local"
                    + " sandbox when none has, and bridle-testkit gives tests one.");
        }
        if (!without.isEmpty()) {
            throw new IllegalStateException(config.source() + ": " + handles(withCredentials)
                    + (withCredentials.size() == 1 ? " has" : " have") + " credentials but " + handles(without)
                    + (without.size() == 1 ? " does not" : " do not") + ". Give every account credentials to run on X, "
                    + "or none to run in the sandbox; Bridle never mixes the two.");
        }
        TwitterPlatform.Builder platform = TwitterPlatform.builder()
                .api(config.platform().api())
                .clock(clock)
                .rateLimits(limits)
                .baseUrl(config.platform().baseUrl());
        accounts.forEach(a -> platform.account(a.handle(), a.credentials()));
        TwitterPlatform built = platform.build();
        log.info("platform: X API {} at {} for {}", built.api(), built.baseUrl(), handles(accounts));
        return built;
    }

    private static String handles(List<AccountConfig> accounts) {
        return accounts.stream().map(a -> "@" + a.handle()).collect(Collectors.joining(", "));
    }
}
