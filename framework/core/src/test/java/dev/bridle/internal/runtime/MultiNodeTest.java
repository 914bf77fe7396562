package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.Mention;
import dev.bridle.config.Environment;
import dev.bridle.config.Inbound;
import dev.bridle.config.NodeMismatchException;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.node.NodeRegistry;
import dev.bridle.internal.platform.PlatformFactory;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.PostgresTest;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.MutableClock;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one PostgreSQL store, acting on one sandbox the way {@code docs/multi-node.md} sets it up: every account
 * has the sandbox's credentials and {@code platform.baseUrl} points at it. Each node is a whole {@link BridleRuntime};
 * the test drives polling and moves a settable clock.
 */
@PostgresTest
class MultiNodeTest {

    /** Records the mentions it is given; dies, as a killed process would, when told to. */
    public static final class Listener implements Bot {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();
        static volatile boolean dieAtNextMention;

        @Override
        public void onMention(Mention mention, BotContext ctx) {
            if (dieAtNextMention) {
                dieAtNextMention = false;
                throw new InboundDeliveryTest.ProcessDied();
            }
            SEEN.add(ctx.botName() + " " + mention.postId());
        }
    }

    static final BotConfig THANKS =
            new BotConfig("thanks", Listener.class.getName(), "acme_news", null, Set.of(Inbound.MENTIONS));
    static final BotConfig HELPER =
            new BotConfig("helper", Listener.class.getName(), "acme_help", null, Set.of(Inbound.MENTIONS));

    final MutableClock clock = MutableClock.at(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    final List<AutoCloseable> opened = new ArrayList<>();
    Sandbox sandbox;
    StoreConfig store;
    Database side;

    @BeforeEach
    void open() {
        Listener.SEEN.clear();
        Listener.dieAtNextMention = false;
        sandbox = Sandbox.builder()
                .account("acme_news")
                .account("acme_help")
                .simulatedUser("ana")
                .build()
                .start();
        store = TestStores.postgres(getClass().getSimpleName());
    }

    @AfterEach
    void close() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        if (side != null) {
            side.close();
        }
        sandbox.close();
    }

    BridleConfig config(List<BotConfig> bots) {
        List<AccountConfig> accounts = new ArrayList<>();
        for (String handle : List.of("acme_news", "acme_help")) {
            SandboxAccount generated = sandbox.account(handle);
            accounts.add(new AccountConfig(
                    handle,
                    new Credentials(
                            Secret.of(sandbox.app().consumerKey()),
                            Secret.of(sandbox.app().consumerSecret()),
                            Secret.of(generated.accessToken()),
                            Secret.of(generated.accessTokenSecret()))));
        }
        return new BridleConfig(
                "<node>",
                Environment.DEV,
                new AppConfig("acme-bots-dev", "several nodes"),
                false,
                store,
                new PlatformConfig(
                        PlatformConfig.ApiVersion.V2, sandbox.baseUrl().toString()),
                new SchedulerConfig(2),
                List.of(),
                accounts,
                bots);
    }

    /** Starts node {@code name}: its store, platform, bots; polling is left to the test. */
    BridleRuntime node(String name, List<BotConfig> bots) {
        BridleConfig config = config(bots);
        BridleRuntime runtime = BridleRuntime.create(
                config,
                feedback -> PlatformFactory.connect(config, clock, feedback),
                clock,
                RuntimeOptions.defaults().schedulerName("bridle-" + name));
        opened.add(runtime);
        return runtime;
    }

    void sql(String statement) throws Exception {
        if (side == null) {
            side = Database.open(store);
        }
        try (var c = side.dataSource().getConnection();
                var st = c.createStatement()) {
            st.execute(statement);
        }
    }

    String claim(String messageId) throws Exception {
        if (side == null) {
            side = Database.open(store);
        }
        try (var c = side.dataSource().getConnection();
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT state, reason FROM inbound_seen WHERE message_id = '" + messageId + "'")) {
            return rs.next() ? rs.getString(1) + (rs.getString(2) == null ? "" : ": " + rs.getString(2)) : "none";
        }
    }

    long mentionReads(String handle) {
        return sandbox.requests().stream()
                .filter(r -> r.path().endsWith("/mentions") && handle.equals(r.account()))
                .count();
    }

    @Test
    void aSecondNodeWithAnotherBotListRefusesToStartNamingTheLiveNodeAndTheBots() {
        BridleRuntime first = node("a", List.of(THANKS, HELPER));

        assertThatThrownBy(() -> node("b", List.of(THANKS)))
                .isInstanceOf(NodeMismatchException.class)
                .hasMessageStartingWith("refusing to start: node "
                        + NodeRegistry.shortId(first.node().id()))
                .hasMessageContaining("sections that differ: bots.")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void aSecondNodeWithTheSameConfigurationStartsAndRuns() {
        BridleRuntime a = node("a", List.of(THANKS, HELPER));
        BridleRuntime b = node("b", List.of(THANKS, HELPER));

        a.start();
        b.start();

        assertThat(a.node().isAlive(b.node().id())).isTrue();
        assertThat(b.node().isAlive(a.node().id())).isTrue();
    }

    /**
     * With the lease, the platform sees one read per account per interval, however many nodes poll; a message is
     * handled once.
     */
    @Test
    void twoNodesPollingReadEachAccountOncePerInterval() {
        BridleRuntime a = node("a", List.of(THANKS, HELPER));
        BridleRuntime b = node("b", List.of(THANKS, HELPER));
        String mention =
                sandbox.injectMention("ana", "acme_news", "hello there").id();

        for (int round = 1; round <= 4; round++) {
            a.poller().pollMentions();
            b.poller().pollMentions();

            assertThat(mentionReads("acme_news")).as("round %d", round).isEqualTo(round);
            assertThat(mentionReads("acme_help")).as("round %d", round).isEqualTo(round);
            clock.advance(Duration.ofSeconds(15));
            a.node().beat();
            b.node().beat();
        }
        a.close(); // it stops: the other takes the leases over at its next round
        b.poller().pollMentions();

        assertThat(mentionReads("acme_news")).isEqualTo(5);
        assertThat(Listener.SEEN).containsExactly("thanks " + mention);
    }

    /**
     * A STOP whose opt-out step throws (its table is gone, as when the store fails) is recorded as failed with the
     * reason, not used up, and honoured at the next poll once the store is back.
     */
    @Test
    void aMessageWhoseHandlingThrowsIsRecordedAsFailedAndHandledWhenReadAgain() throws Exception {
        BridleRuntime a = node("a", List.of(THANKS, HELPER));
        String stop = sandbox.injectMention("ana", "acme_news", "STOP").id();
        sql("ALTER TABLE optout_events RENAME TO optout_events_away");

        a.poller().pollMentions();

        assertThat(claim(stop)).startsWith("FAILED: OptOutKeywordStep failed: StoreException: cannot ");
        sql("ALTER TABLE optout_events_away RENAME TO optout_events");
        a.poller().pollMentions();
        assertThat(claim(stop)).isEqualTo("HANDLED");
        assertThat(a.optOuts().status(sandbox.userId("ana")).suppressed("acme_news"))
                .isTrue();
        assertThat(Listener.SEEN).isEmpty();
    }

    /** A node killed while handling a message: once its heartbeat lapses, the other node handles the message. */
    @Test
    void aClaimLeftByANodeThatWasKilledIsHandledByAnotherOnceItsHeartbeatLapses() throws Exception {
        BridleRuntime killed = node("a", List.of(THANKS, HELPER));
        BridleRuntime survivor = node("b", List.of(THANKS, HELPER));
        String mention =
                sandbox.injectMention("ana", "acme_news", "hello there").id();
        Listener.dieAtNextMention = true;
        assertThatThrownBy(() -> killed.poller().pollMentions()).isInstanceOf(InboundDeliveryTest.ProcessDied.class);
        String killedId = killed.node().id();
        killed.close();
        sql("UPDATE bridle_node SET stopped_at = NULL WHERE node_id = '" + killedId
                + "'"); // killed: it never said it stopped
        for (String account : List.of("acme_news", "acme_help")) { // and it held the leases
            sql("INSERT INTO inbound_lease (account, kind, node_id, expires_at) VALUES ('" + account + "', 'MENTION', '"
                    + killedId + "', TIMESTAMP WITH TIME ZONE '"
                    + clock.instant().plusSeconds(45) + "')");
        }

        survivor.poller().pollMentions();
        assertThat(Listener.SEEN)
                .as("its heartbeat is recent: it may still be at work")
                .isEmpty();
        assertThat(claim(mention)).isEqualTo("CLAIMED");

        clock.advance(NodeRegistry.LAPSES_AFTER.plusSeconds(1));
        survivor.node().beat();
        survivor.poller().pollMentions();

        assertThat(Listener.SEEN).containsExactly("thanks " + mention);
        assertThat(claim(mention)).isEqualTo("HANDLED");
    }

    /** The webhook path claims as polling does: a message pushed to one node and polled by another is handled once. */
    @Test
    void aMessagePushedToOneNodeAndPolledByAnotherIsHandledOnce() {
        BridleRuntime pushed = node("a", List.of(THANKS, HELPER));
        BridleRuntime polling = node("b", List.of(THANKS, HELPER));
        var post = sandbox.injectMention("ana", "acme_news", "hello there");
        Mention mention = new Mention(
                post.id(),
                new dev.bridle.bot.UserRef(post.authorId(), post.authorHandle()),
                post.text(),
                post.createdAt());

        boolean handledByWebhook = pushed.inbound()
                .accept(new dev.bridle.internal.inbound.InboundEvent.MentionEvent(
                        pushed.accounts().get("acme_news"), mention));
        int handledByPolling = polling.poller().pollMentions();

        assertThat(handledByWebhook).isTrue();
        assertThat(handledByPolling).isZero();
        assertThat(Listener.SEEN).containsExactly("thanks " + post.id());
    }
}
