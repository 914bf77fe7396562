package dev.bridle.testing;

import dev.bridle.config.Inbound;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.secret.Secret;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.audience.AudienceScript;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * A sandbox for a configuration's accounts, as {@code bridle run} starts one (time-ordered ids, the demo audience and
 * its cast), following a test's clock; {@link #config()} is the configuration pointed at it with the credentials it
 * generated, so the runtime connects through the real adapter as it does to X.
 */
public final class TestSandbox implements AutoCloseable {

    /** The sandbox follows the test's clock while twitter4j signs with the wall clock: any timestamp is accepted. */
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofDays(365 * 100);

    private final Sandbox sandbox;
    private final BridleConfig config;

    private TestSandbox(Sandbox sandbox, BridleConfig config) {
        this.sandbox = sandbox;
        this.config = config;
    }

    /** A started sandbox with {@code config}'s accounts. */
    public static TestSandbox start(BridleConfig config, Clock clock) {
        Sandbox.Builder builder = Sandbox.builder()
                .clock(clock)
                .timeOrderedIds()
                .limits(SandboxLimits.defaults().withTimestampTolerance(TIMESTAMP_TOLERANCE))
                .audience(AudienceScript.demo().withTarget(audienceTarget(config)));
        config.accounts().forEach(a -> builder.account(a.handle()));
        Sandbox sandbox = builder.build().start();
        List<AccountConfig> accounts = config.accounts().stream()
                .map(a -> {
                    SandboxAccount generated = sandbox.account(a.handle());
                    return new AccountConfig(
                            a.handle(),
                            new Credentials(
                                    Secret.of(sandbox.app().consumerKey()),
                                    Secret.of(sandbox.app().consumerSecret()),
                                    Secret.of(generated.accessToken()),
                                    Secret.of(generated.accessTokenSecret())));
                })
                .toList();
        PlatformConfig platform =
                new PlatformConfig(config.platform().api(), sandbox.baseUrl().toString());
        return new TestSandbox(sandbox, config.withPlatform(platform, accounts));
    }

    private static String audienceTarget(BridleConfig config) {
        return config.bots().stream()
                .filter(b -> b.inbound().contains(Inbound.MENTIONS))
                .map(BotConfig::account)
                .findFirst()
                .orElse(config.accounts().get(0).handle());
    }

    /** The sandbox. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** The configuration acting on this sandbox. */
    public BridleConfig config() {
        return config;
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
