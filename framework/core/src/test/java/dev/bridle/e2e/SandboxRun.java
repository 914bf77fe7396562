package dev.bridle.e2e;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.config.Environment;
import dev.bridle.config.Inbound;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.platform.PlatformFactory;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.internal.runtime.RuntimeOptions;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.MutableClock;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.testing.TestSandbox;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A whole Bridle on the built-in sandbox, the way {@code bridle run} starts one with no credentials: real twitter4j
 * over loopback HTTP with real OAuth signatures, every guard on, an H2 file store. Time is a {@link MutableClock} the
 * test moves; bots act when the test says.
 */
final class SandboxRun implements AutoCloseable {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    /** A bot whose next scheduled action the test sets. */
    public static final class Scripted implements Bot {
        static final Map<String, Function<BotContext, ActionResult>> NEXT = new ConcurrentHashMap<>();
        static final Map<String, ActionResult> LAST = new ConcurrentHashMap<>();

        @Override
        public void onSchedule(BotContext ctx) {
            LAST.put(ctx.botName(), NEXT.get(ctx.botName()).apply(ctx));
        }
    }

    /** Thanks whoever mentions its account, by name. */
    public static final class Thanker implements Bot {
        static final Map<String, ActionResult> REPLIES = new ConcurrentHashMap<>();

        @Override
        public void onMention(dev.bridle.bot.Mention mention, BotContext ctx) {
            REPLIES.put(
                    mention.postId(),
                    ctx.actions().reply(mention, "Thanks @" + mention.author().handle() + ", noted."));
        }
    }

    final MutableClock clock;
    final BridleRuntime runtime;
    private final TestSandbox world;

    SandboxRun(Path dir, String... scriptedBots) {
        this(dir, T0, scriptedBots);
    }

    /** A run starting at {@code start}: a second run on the same store starts later than the first. */
    SandboxRun(Path dir, Instant start, String... scriptedBots) {
        clock = MutableClock.at(start);
        Scripted.NEXT.clear();
        Scripted.LAST.clear();
        Thanker.REPLIES.clear();
        List<BotConfig> bots = new java.util.ArrayList<>();
        bots.add(new BotConfig("thanks", Thanker.class.getName(), "acme_help", null, Set.of(Inbound.MENTIONS)));
        for (String spec : scriptedBots) {
            String[] nameAndAccount = spec.split("@");
            bots.add(new BotConfig(nameAndAccount[0], Scripted.class.getName(), nameAndAccount[1], null, Set.of()));
        }
        BridleConfig config = new BridleConfig(
                "<e2e>",
                Environment.DEV,
                new AppConfig("acme-bots-dev", "end-to-end tests"),
                false,
                TestStores.h2(dir),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(2),
                List.of(),
                List.of(new AccountConfig("acme_news", null), new AccountConfig("acme_help", null)),
                bots);
        world = TestSandbox.start(config, clock);
        runtime = BridleRuntime.create(
                world.config(),
                feedback -> PlatformFactory.connect(world.config(), clock, feedback),
                clock,
                RuntimeOptions.defaults());
    }

    Sandbox sandbox() {
        return world.sandbox();
    }

    /** Runs bot {@code name} now with {@code action}; returns what it got. */
    ActionResult act(String name, Function<BotContext, ActionResult> action) {
        Scripted.NEXT.put(name, action);
        runtime.bots().runScheduled(name);
        return Scripted.LAST.get(name);
    }

    /** Polls every account's mentions and direct messages once, as the background poller does. */
    void poll() {
        runtime.poller().pollMentions();
        runtime.poller().pollDirectMessages();
    }

    /** Moves past the spacing between one account's actions (30 s by default). */
    void later() {
        clock.advance(Duration.ofSeconds(31));
    }

    @Override
    public void close() {
        try {
            runtime.close();
        } finally {
            world.close();
        }
    }
}
