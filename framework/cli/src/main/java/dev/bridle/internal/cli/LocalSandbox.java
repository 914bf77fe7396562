package dev.bridle.internal.cli;

import dev.bridle.Bridle;
import dev.bridle.config.Inbound;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import dev.bridle.sandbox.SandboxApp;
import dev.bridle.sandbox.audience.AudienceScript;
import java.time.Clock;

/**
 * {@code bridle run}'s no-credentials mode: when no account has credentials, a local sandbox with those accounts and
 * the demo audience, and Bridle pointed at it through the real adapter with the credentials the sandbox generated. This
 * lives in the command line, not the runtime: a project that embeds the runtime gets no HTTP server it did not ask for.
 */
final class LocalSandbox {

    private LocalSandbox() {}

    /** Whether {@code config} asks for the sandbox: it has accounts and none has credentials. */
    static boolean wanted(BridleConfig config) {
        return !config.accounts().isEmpty() && config.accounts().stream().allMatch(a -> a.credentials() == null);
    }

    /**
     * A started sandbox for {@code config}'s accounts, its audience talking to {@link #audienceTarget}. Its ids are
     * time-ordered: the store keeps the last run's polling cursors and claims, and a second run's sandbox must not hand
     * out ids below them (its audience would never be read).
     */
    static Sandbox start(BridleConfig config, Clock clock) {
        Sandbox.Builder builder = Sandbox.builder()
                .clock(clock)
                .timeOrderedIds()
                .audience(AudienceScript.demo().withTarget(audienceTarget(config)));
        config.accounts().forEach(a -> builder.account(a.handle()));
        return builder.build().start();
    }

    /** {@code builder} acting on {@code sandbox}, with the credentials it generated for each of the accounts. */
    static Bridle.Builder actOn(Bridle.Builder builder, Sandbox sandbox, BridleConfig config) {
        SandboxApp app = sandbox.app();
        builder.apiBaseUrl(sandbox.baseUrl());
        for (AccountConfig account : config.accounts()) {
            SandboxAccount generated = sandbox.account(account.handle());
            builder.credentials(
                    account.handle(),
                    app.consumerKey(),
                    app.consumerSecret(),
                    generated.accessToken(),
                    generated.accessTokenSecret());
        }
        return builder;
    }

    /** The account the demo audience talks to: the first one a bot reads mentions of, or else the first account. */
    static String audienceTarget(BridleConfig config) {
        return config.bots().stream()
                .filter(b -> b.inbound().contains(Inbound.MENTIONS))
                .map(BotConfig::account)
                .findFirst()
                .orElse(config.accounts().get(0).handle());
    }
}
