package dev.bridle.testkit;

import dev.bridle.Bridle;
import dev.bridle.sandbox.MutableClock;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import dev.bridle.sandbox.SandboxLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that gives each test a {@link TestBridle}: an in-process Bridle built from the sections the test
 * class gives, on a sandbox of its own with the audience it declares, a store in a fresh directory, a
 * {@link MutableClock} stopped at {@link TestBridle#START}, and manual scheduling (nothing runs until the test moves
 * the clock).
 *
 * <pre>{@code
 * @RegisterExtension
 * static final BridleExtension bridle = BridleExtension.of(b -> b
 *                 .app("acme-bots-dev", "thanks people who mention Acme")
 *                 .account("acme_help")
 *                 .bot("thanks", "acme_help", new ThankYouBot(new Greetings()), null, Inbound.MENTIONS))
 *         .audience("ana", "ben");
 *
 * @Test
 * void thanksWhoeverConsented(TestBridle bridle) {
 *     bridle.user("ana").consentsTo("acme_help");
 *     bridle.runDue();
 *     ...
 * }
 * }</pre>
 *
 * The sections are applied to a new builder for each test, so bots built inside the lambda are new each time.
 */
public final class BridleExtension implements BeforeEachCallback, AfterEachCallback, ParameterResolver {

    /** The audience unless one is declared. */
    public static final List<String> DEFAULT_AUDIENCE = List.of("ana", "ben", "chloe");

    /**
     * The sandbox follows the test's clock while twitter4j signs with the wall clock, so it accepts any OAuth timestamp
     * within this much, as {@code bridle run}'s sandbox does.
     */
    static final Duration TIMESTAMP_TOLERANCE = Duration.ofDays(365 * 100);

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BridleExtension.class);

    private final Consumer<Bridle.Builder> sections;
    private final List<String> audience;
    private final Instant start;

    private BridleExtension(Consumer<Bridle.Builder> sections, List<String> audience, Instant start) {
        this.sections = sections;
        this.audience = List.copyOf(audience);
        this.start = start;
    }

    /** Tests of the Bridle that {@code sections} describe (app, accounts, bots, modules), with the default audience. */
    public static BridleExtension of(Consumer<Bridle.Builder> sections) {
        return new BridleExtension(Objects.requireNonNull(sections, "sections"), DEFAULT_AUDIENCE, TestBridle.START);
    }

    /** The same, with these people in the audience (their handles, without the {@code @}). */
    public BridleExtension audience(String... handles) {
        return new BridleExtension(sections, List.of(handles), start);
    }

    /** The same, with the clock starting at {@code instant}. */
    public BridleExtension startingAt(Instant instant) {
        return new BridleExtension(sections, audience, Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        Path dir = Files.createTempDirectory("bridle-test-");
        MutableClock clock = MutableClock.at(start);
        Bridle.Builder builder = Bridle.builder();
        sections.accept(builder);
        Sandbox.Builder world = Sandbox.builder()
                .clock(clock)
                .limits(SandboxLimits.defaults().withTimestampTolerance(TIMESTAMP_TOLERANCE));
        builder.accountHandles().forEach(world::account);
        audience.forEach(world::simulatedUser);
        Sandbox sandbox = world.build().start();
        Bridle bridle;
        try {
            builder.store(dir.resolve("bridle"))
                    .clock(clock)
                    .apiBaseUrl(sandbox.baseUrl())
                    .manualScheduling();
            for (String handle : builder.accountHandles()) {
                SandboxAccount account = sandbox.account(handle);
                builder.credentials(
                        handle,
                        sandbox.app().consumerKey(),
                        sandbox.app().consumerSecret(),
                        account.accessToken(),
                        account.accessTokenSecret());
            }
            bridle = builder.build();
            bridle.start();
        } catch (RuntimeException e) {
            sandbox.close();
            delete(dir);
            throw e;
        }
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        store.put(TestBridle.class, new TestBridle(bridle, sandbox, clock));
        store.put(Path.class, dir);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ExtensionContext.Store store = context.getStore(NAMESPACE);
        TestBridle bridle = store.remove(TestBridle.class, TestBridle.class);
        Path dir = store.remove(Path.class, Path.class);
        try {
            if (bridle != null) {
                bridle.close();
            }
        } finally {
            if (dir != null) {
                delete(dir);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == TestBridle.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        TestBridle bridle = context.getStore(NAMESPACE).get(TestBridle.class, TestBridle.class);
        if (bridle == null) {
            throw new IllegalStateException("no TestBridle for " + context.getDisplayName()
                    + ": register BridleExtension with @RegisterExtension on a static field");
        }
        return bridle;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete the test's store " + dir, e);
        }
    }
}
