package dev.bridle.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.Account;
import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import dev.bridle.internal.inbound.InboundClaims.Claim.Outcome;
import dev.bridle.internal.node.ConfigFingerprint;
import dev.bridle.internal.node.NodeRegistry;
import dev.bridle.internal.store.Database;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What inbound claims and polling leases do on every store, with the nodes that hold them. A subclass per database
 * opens a migrated, empty one: {@link H2InboundClaimsTest} and {@link PostgresInboundClaimsTest}.
 */
abstract class InboundClaimsContract {

    static final Account NEWS = new Account("acme_news", "1001");
    static final InboundEvent MENTION = new InboundEvent.MentionEvent(
            NEWS,
            new Mention("500", new UserRef("2001", "ana"), "@acme_news hi", Instant.parse("2026-11-28T08:59:00Z")));
    static final ConfigFingerprint CONFIG = new ConfigFingerprint("bots:\n  - quiet\n", "c0ffee");

    /** Opens a migrated, empty database; called before each test. */
    protected abstract Database openDatabase() throws Exception;

    final MutableClock clock = MutableClock.at(Instant.parse("2026-11-28T09:00:00Z"));
    final List<NodeRegistry> nodes = new ArrayList<>();
    Database db;

    @BeforeEach
    void open() throws Exception {
        db = openDatabase();
    }

    @AfterEach
    void close() {
        nodes.forEach(NodeRegistry::close);
        db.close();
    }

    NodeRegistry node() {
        NodeRegistry node = NodeRegistry.join(db, CONFIG, clock);
        nodes.add(node);
        return node;
    }

    InboundClaims claims(NodeRegistry node) {
        return new InboundClaims(db, clock, node);
    }

    /** The claim's row: state, holder, tries and reason. */
    String row() throws Exception {
        try (var c = db.dataSource().getConnection();
                var rs = c.createStatement()
                        .executeQuery(
                                "SELECT state, node_id, attempts, reason FROM inbound_seen WHERE message_id = '500'")) {
            return rs.next()
                    ? rs.getString(1) + " " + NodeRegistry.shortId(rs.getString(2)) + " " + rs.getInt(3) + " "
                            + rs.getString(4)
                    : "none";
        }
    }

    @Test
    void aMessageIsClaimedOnceAndThenSeen() throws Exception {
        NodeRegistry node = node();
        InboundClaims claims = claims(node);

        assertThat(claims.claim(MENTION)).isEqualTo(new InboundClaims.Claim(Outcome.CLAIMED, 1));
        assertThat(claims.claim(MENTION).outcome())
                .as("in hand on another thread")
                .isEqualTo(Outcome.HELD);
        claims.handled(MENTION);

        assertThat(claims.claim(MENTION).outcome()).isEqualTo(Outcome.SEEN);
        assertThat(row()).isEqualTo("HANDLED " + NodeRegistry.shortId(node.id()) + " 1 null");
    }

    @Test
    void aFailedMessageIsRecordedWithItsReasonAndTriedAgainUntilItsLastTry() throws Exception {
        InboundClaims claims = claims(node());
        for (int attempt = 1; attempt <= InboundClaims.MAX_ATTEMPTS; attempt++) {
            assertThat(claims.claim(MENTION)).isEqualTo(new InboundClaims.Claim(Outcome.CLAIMED, attempt));
            claims.failed(MENTION, "OptOutKeywordStep failed: the store is down");
        }

        assertThat(claims.claim(MENTION).outcome()).isEqualTo(Outcome.SEEN);
        assertThat(row()).startsWith("FAILED ").endsWith(" 3 OptOutKeywordStep failed: the store is down");
    }

    @Test
    void aClaimThisNodeLeftUnsettledIsTakenUpAgain() {
        NodeRegistry node = node();
        claims(node).claim(MENTION); // then the write of its outcome failed

        assertThat(claims(node).claim(MENTION)).isEqualTo(new InboundClaims.Claim(Outcome.CLAIMED, 2));
    }

    @Test
    void aClaimOfANodeThatStoppedIsTakenOverAndItsLateOutcomeIsNotWritten() throws Exception {
        NodeRegistry stopped = node();
        InboundClaims theirs = claims(stopped);
        theirs.claim(MENTION);
        stopped.close();
        NodeRegistry live = node();

        assertThat(claims(live).claim(MENTION)).isEqualTo(new InboundClaims.Claim(Outcome.CLAIMED, 2));
        theirs.handled(MENTION);
        assertThat(row()).startsWith("CLAIMED " + NodeRegistry.shortId(live.id()));
    }

    @Test
    void aMessageThatStoppedItsNodeOnEveryTryIsRecordedAsFailedForGood() throws Exception {
        for (int attempt = 1; attempt <= InboundClaims.MAX_ATTEMPTS; attempt++) {
            NodeRegistry dying = node();
            assertThat(claims(dying).claim(MENTION).attempt()).isEqualTo(attempt);
            dying.close();
        }

        assertThat(claims(node()).claim(MENTION).outcome()).isEqualTo(Outcome.SEEN);
        assertThat(row()).startsWith("FAILED ").endsWith(" 3 its node stopped while handling it, 3 times");
    }

    @Test
    void oneNodeHoldsAPollingLeaseAndAnotherTakesItOverWhenItStops() {
        NodeRegistry a = node();
        NodeRegistry b = node();
        PollLeases leasesOfA = leases(a);
        PollLeases leasesOfB = leases(b);

        assertThat(leasesOfA.hold("acme_news", InboundEvent.Kind.MENTION)).isTrue();
        assertThat(leasesOfB.hold("acme_news", InboundEvent.Kind.MENTION)).isEqualTo(!livesBesideOthers());
        assertThat(leasesOfB.hold("acme_news", InboundEvent.Kind.DIRECT_MESSAGE))
                .as("another kind")
                .isTrue();

        a.close();
        assertThat(leasesOfB.hold("acme_news", InboundEvent.Kind.MENTION)).isTrue();
        assertThat(leasesOfA.hold("acme_news", InboundEvent.Kind.MENTION)).isFalse();
    }

    @Test
    void aPollingLeaseIsRenewedByItsHolderAndGivenBackAtShutdown() {
        PollLeases leases = leases(node());
        assertThat(leases.hold("acme_news", InboundEvent.Kind.MENTION)).isTrue();
        clock.advance(leases.ttl(InboundEvent.Kind.MENTION).plusSeconds(1));
        assertThat(leases.hold("acme_news", InboundEvent.Kind.MENTION))
                .as("its own, lapsed: renewed")
                .isTrue();

        leases.releaseAll();

        assertThat(leases(node()).hold("acme_news", InboundEvent.Kind.MENTION)).isTrue();
    }

    @Test
    void aLeaseLastsThreeIntervalsAndAtLeastHalfAMinute() {
        PollLeases leases = new PollLeases(
                db,
                clock,
                node(),
                Map.of(
                        InboundEvent.Kind.MENTION,
                        Duration.ofSeconds(15),
                        InboundEvent.Kind.DIRECT_MESSAGE,
                        Duration.ofSeconds(5)));

        assertThat(leases.ttl(InboundEvent.Kind.MENTION)).isEqualTo(Duration.ofSeconds(45));
        assertThat(leases.ttl(InboundEvent.Kind.DIRECT_MESSAGE)).isEqualTo(Duration.ofSeconds(30));
    }

    /** Whether two nodes can be alive at once on this store (PostgreSQL), or a join ends the earlier one (H2). */
    abstract boolean livesBesideOthers();

    PollLeases leases(NodeRegistry node) {
        return new PollLeases(
                db,
                clock,
                node,
                Map.of(
                        InboundEvent.Kind.MENTION,
                        Duration.ofSeconds(15),
                        InboundEvent.Kind.DIRECT_MESSAGE,
                        Duration.ofSeconds(60)));
    }
}
