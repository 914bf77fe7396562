package dev.bridle.internal.platform;

import dev.bridle.config.Inbound;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.platform.twitter.TwitterPlatform;
import dev.bridle.internal.secret.Secret;
import dev.bridle.platform.Platform;
import dev.bridle.platform.RateLimitFeedback;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import dev.bridle.sandbox.SandboxApp;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.audience.AudienceScript;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the platform from the configuration, so that nothing reaches X by accident:
 *
 * <ul>
 *   <li>no account has credentials: an in-process {@link Sandbox} with those accounts and the demo audience, and the
 *       adapter pointed at it with the sandbox's generated credentials; the log says plainly that it is a sandbox;
 *   <li>every account has credentials: the adapter on the configured (or the real) base URL; it never falls back to the
 *       sandbox;
 *   <li>some have and some have not: refused, with the accounts named.
 * </ul>
 *
 * <pre>{@code
 * try (PlatformConnection connection = PlatformFactory.connect(config, clock, throttles)) {
 *     if (connection.isSandbox()) { ... connection.sandbox().get().adminUrl() ... }
 *     Platform platform = connection.platform();
 * }
 * }</pre>
 */
public final class PlatformFactory {

    private static final Logger log = LoggerFactory.getLogger(PlatformFactory.class);

    /**
     * The sandbox follows the runtime's clock, which tests set by hand, while twitter4j signs with the wall clock: the
     * sandbox accepts any OAuth timestamp within this much.
     */
    static final Duration SANDBOX_TIMESTAMP_TOLERANCE = Duration.ofDays(365 * 100);

    private PlatformFactory() {}

    /**
     * The platform for {@code config}.
     *
     * @param feedback where the platform's rate-limit headers go (the throttles)
     * @throws IllegalStateException if some accounts have credentials and others not, or there is no account
     */
    public static PlatformConnection connect(BridleConfig config, Clock clock, RateLimitFeedback feedback) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(feedback, "feedback");
        TwitterPlatform.configureJvm();
        List<AccountConfig> accounts = config.accounts();
        if (accounts.isEmpty()) {
            throw new IllegalStateException(
                    config.source() + ": no accounts are configured, so there is nothing to act as");
        }
        List<AccountConfig> withCredentials =
                accounts.stream().filter(a -> a.credentials() != null).toList();
        if (withCredentials.isEmpty()) {
            return sandbox(config, clock, feedback);
        }
        if (withCredentials.size() < accounts.size()) {
            List<AccountConfig> without =
                    accounts.stream().filter(a -> a.credentials() == null).toList();
            throw new IllegalStateException(config.source() + ": " + handles(withCredentials)
                    + (withCredentials.size() == 1 ? " has" : " have") + " credentials but " + handles(without)
                    + (without.size() == 1 ? " does not" : " do not") + ". Give every account credentials to run on X, "
                    + "or none to run in the sandbox; Bridle never mixes the two.");
        }
        TwitterPlatform.Builder platform =
                adapter(config, clock, feedback).baseUrl(config.platform().baseUrl());
        accounts.forEach(a -> platform.account(a.handle(), a.credentials()));
        TwitterPlatform built = platform.build();
        log.info(
                "platform: X API {} at {} for {}{}",
                built.api(),
                built.baseUrl(),
                handles(accounts),
                config.dryRun() ? " (dry run: every write is refused)" : "");
        return new PlatformConnection(built, null);
    }

    private static PlatformConnection sandbox(BridleConfig config, Clock clock, RateLimitFeedback feedback) {
        // time-ordered ids: the store keeps the last run's polling cursors and claims, and a second run's
        // sandbox must not hand out ids below them (its audience would never be read)
        Sandbox.Builder builder = Sandbox.builder()
                .clock(clock)
                .timeOrderedIds()
                .limits(SandboxLimits.defaults().withTimestampTolerance(SANDBOX_TIMESTAMP_TOLERANCE))
                .audience(AudienceScript.demo().withTarget(audienceTarget(config)));
        config.accounts().forEach(a -> builder.account(a.handle()));
        Sandbox sandbox = builder.build().start();
        try {
            Platform built = adapterOn(sandbox, config, clock, feedback);
            log.warn(
                    "SANDBOX: no account in {} has credentials, so Bridle runs against a local sandbox at {} with a simulated "
                            + "audience. NOTHING IS SENT TO X. Accounts {}; sandbox admin API at {}",
                    config.source(),
                    sandbox.baseUrl(),
                    handles(config.accounts()),
                    sandbox.adminUrl());
            return new PlatformConnection(built, sandbox);
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    /**
     * The twitter4j adapter on {@code sandbox}, a sandbox the caller started and closes (a test kit's, with its own
     * audience), with the credentials the sandbox generated for each configured account; real HTTP and real signatures.
     *
     * @throws IllegalArgumentException naming an account the sandbox does not have
     */
    public static Platform adapterOn(Sandbox sandbox, BridleConfig config, Clock clock, RateLimitFeedback feedback) {
        SandboxApp app = sandbox.app();
        TwitterPlatform.Builder platform =
                adapter(config, clock, feedback).baseUrl(sandbox.baseUrl().toString());
        for (AccountConfig account : config.accounts()) {
            SandboxAccount generated = sandbox.account(account.handle());
            platform.account(
                    account.handle(),
                    new Credentials(
                            Secret.of(app.consumerKey()),
                            Secret.of(app.consumerSecret()),
                            Secret.of(generated.accessToken()),
                            Secret.of(generated.accessTokenSecret())));
        }
        return platform.build();
    }

    /** The account the demo audience talks to: the first one a bot reads mentions of, or else the first account. */
    public static String audienceTarget(BridleConfig config) {
        return config.bots().stream()
                .filter(b -> b.inbound().contains(Inbound.MENTIONS))
                .map(BotConfig::account)
                .findFirst()
                .orElse(config.accounts().get(0).handle());
    }

    private static TwitterPlatform.Builder adapter(BridleConfig config, Clock clock, RateLimitFeedback feedback) {
        return TwitterPlatform.builder()
                .api(config.platform().api())
                .clock(clock)
                .rateLimitFeedback(feedback)
                .dryRun(config.dryRun());
    }

    private static String handles(List<AccountConfig> accounts) {
        return accounts.stream().map(a -> "@" + a.handle()).collect(Collectors.joining(", "));
    }
}
