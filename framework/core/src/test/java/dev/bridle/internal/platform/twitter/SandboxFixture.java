package dev.bridle.internal.platform.twitter;

import dev.bridle.bot.Account;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.internal.secret.Secret;
import dev.bridle.sandbox.MutableClock;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.SandboxRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A started sandbox (accounts acme and beta, users ana and ben) sharing a hand-moved clock with the adapters built on
 * it, which record every request they send. twitter4j signs with the wall clock, so the sandbox accepts any OAuth
 * timestamp.
 */
public final class SandboxFixture implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    /** One request as the adapter sent it. */
    public record Sent(String endpoint, String url, String body) {}

    public final MutableClock clock = MutableClock.at(T0);
    public final Sandbox sandbox;
    public final List<Sent> wire = new CopyOnWriteArrayList<>();
    /** What the adapters built here heard of the platform's rate limits, and ask before each request. */
    public final PlatformLimits limits = PlatformLimits.inMemory(clock);

    public SandboxFixture() {
        this(SandboxLimits.defaults());
    }

    public SandboxFixture(SandboxLimits limits) {
        this(limits, 0);
    }

    /** On a fixed port, so that the sandbox can be stopped and started again at the same address. */
    public SandboxFixture(SandboxLimits limits, int port) {
        sandbox = Sandbox.builder()
                .clock(clock)
                .limits(limits.withTimestampTolerance(Duration.ofDays(36_500)))
                .port(port)
                .account("acme")
                .account("beta")
                .simulatedUser("ana")
                .simulatedUser("ben")
                .build()
                .start();
    }

    /** An adapter on the sandbox for both accounts. */
    public TwitterPlatform platform(ApiVersion api) {
        return builder(api).build();
    }

    /** A builder with both accounts, the clock, the rate-limit state and the wire tap set. */
    public TwitterPlatform.Builder builder(ApiVersion api) {
        return TwitterPlatform.builder()
                .api(api)
                .baseUrl(sandbox.baseUrl().toString())
                .clock(clock)
                .rateLimits(limits)
                .wireTap((endpoint, url, body) -> wire.add(new Sent(endpoint.id(), url, body)))
                .account("acme", credentials("acme"))
                .account("beta", credentials("beta"));
    }

    /** The sandbox's generated credentials of {@code handle}. */
    public Credentials credentials(String handle) {
        SandboxAccount account = sandbox.account(handle);
        return new Credentials(
                Secret.of(sandbox.app().consumerKey()),
                Secret.of(sandbox.app().consumerSecret()),
                Secret.of(account.accessToken()),
                Secret.of(account.accessTokenSecret()));
    }

    /** The account with its user id. */
    public Account account(String handle) {
        return new Account(handle, sandbox.userId(handle));
    }

    /** Every request the sandbox received. */
    public List<SandboxRequest> requests() {
        return sandbox.requests();
    }

    /** The last request the adapter sent. */
    public Sent lastSent() {
        return wire.get(wire.size() - 1);
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
