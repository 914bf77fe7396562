package dev.bridle.internal.consent;

import static dev.bridle.consent.ConsentScope.DM;
import static dev.bridle.consent.ConsentScope.FOLLOW;
import static dev.bridle.consent.ConsentScope.REPLY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the consent registry must do on every database; one subclass per database. */
abstract class ConsentRegistryContract extends StoreTestBase {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00.123456Z");

    MutableClock clock;
    ConsentSettings settings;
    ConsentRegistry consents;

    @BeforeEach
    void emptyRegistry() {
        sql("DELETE FROM consent_events");
        clock = MutableClock.at(T0);
        settings = ConsentSettings.defaults("acme-bots-dev")
                .withPolicy("2026-11", "https://acme.example/privacy", "EU", null)
                .withCacheTtl(Duration.ofSeconds(5));
        consents = new ConsentRegistry(db, clock, settings);
    }

    @Test
    void aGrantIsStoredWithItsEvidenceAndReadBackTheSame() {
        ConsentEvent granted = consents.grant(ConsentGrant.of(
                        "2001",
                        Set.of(REPLY, DM),
                        new Evidence(Channel.DIRECT_MESSAGE, "1790000000000000001", "START ✅ ünïcode", "to @acme_help"))
                .account("ACME_Help")
                .language("en"));

        List<ConsentEvent> history = consents.history("2001");

        assertThat(history).containsExactly(granted);
        ConsentEvent e = history.get(0);
        assertThat(e.seq()).isPositive();
        assertThat(e.account()).isEqualTo("acme_help");
        assertThat(e.at()).isEqualTo(T0);
        assertThat(e.expiresAt()).isEqualTo(T0.plus(ConsentSettings.DEFAULT_EXPIRY));
        assertThat(e.notice()).isEqualTo(settings.notice().ref());
        assertThat(e.policyVersion()).isEqualTo("2026-11");
        assertThat(e.jurisdiction()).isEqualTo("EU");
        assertThat(e.evidence().inboundText()).isEqualTo("START ✅ ünïcode");
    }

    @Test
    void theStateIsDerivedFromTheHistoryAndSurvivesARestart() {
        consents.grant(ConsentGrant.of("2001", Set.of(REPLY, FOLLOW), Evidence.reference(Channel.API, "form 1")));
        clock.advance(Duration.ofMinutes(1));
        consents.withdraw("2001", "*", Set.of(FOLLOW), Evidence.reference(Channel.CLI, "email"));
        ConsentState before = consents.state("2001");

        reopen();
        ConsentState after = new ConsentRegistry(db, clock, settings).state("2001");

        assertThat(after.history()).isEqualTo(before.history());
        assertThat(after.coveredScopes("acme_help", clock.instant())).containsExactly(REPLY);
        assertThat(ConsentState.of("2001", after.history()).coveredScopes("acme_help", clock.instant()))
                .isEqualTo(after.coveredScopes("acme_help", clock.instant()));
    }

    @Test
    void historyIsInTheOrderEventsWereRecorded() {
        consents.grant(ConsentGrant.of("2001", Set.of(REPLY), Evidence.reference(Channel.API, "a")));
        consents.withdraw("2001", "*", Set.of(), Evidence.reference(Channel.API, "b"));
        consents.grant(ConsentGrant.of("2001", Set.of(DM), Evidence.reference(Channel.API, "c")));

        assertThat(consents.history("2001"))
                .extracting(e -> e.evidence().reference())
                .containsExactly("a", "b", "c");
        assertThat(consents.history("2001")).extracting(ConsentEvent::seq).isSorted();
        assertThat(consents.history("2001").get(1).scopes()).isEqualTo(EnumSet.allOf(ConsentScope.class));
    }

    @Test
    void usersAndOperatorsDoNotSeeEachOthersRecords() {
        consents.grant(ConsentGrant.of("2001", Set.of(REPLY), Evidence.reference(Channel.API, "a")));
        ConsentRegistry otherOperator = new ConsentRegistry(db, clock, ConsentSettings.defaults("other-bots-dev"));

        assertThat(consents.history("2002")).isEmpty();
        assertThat(otherOperator.history("2001")).isEmpty();
    }

    @Test
    void theCacheSeesEveryChangeMadeHereAtOnce() {
        assertThat(consents.cachedState("2001").coveredScopes("acme_help", T0)).isEmpty();

        consents.grant(ConsentGrant.of("2001", Set.of(REPLY), Evidence.reference(Channel.API, "a")));
        assertThat(consents.cachedState("2001").coveredScopes("acme_help", T0)).containsExactly(REPLY);

        consents.withdraw("2001", "*", Set.of(), Evidence.reference(Channel.API, "b"));
        assertThat(consents.cachedState("2001").coveredScopes("acme_help", T0)).isEmpty();
    }

    @Test
    void aChangeByAnotherNodeIsSeenWithinTheCacheTimeAtTheLatest() {
        consents.grant(ConsentGrant.of("2001", Set.of(REPLY), Evidence.reference(Channel.API, "a")));
        assertThat(consents.cachedState("2001").coveredScopes("acme_help", T0)).containsExactly(REPLY);
        try (Database otherNodesStore = Database.open(config)) {
            // its own pool and change feed: on PostgreSQL the feed tells this node at once (ChangeFeedTest)
            new ConsentRegistry(otherNodesStore, clock, settings)
                    .withdraw("2001", "*", Set.of(), Evidence.reference(Channel.API, "b"));
        }

        assertThat(consents.state("2001").coveredScopes("acme_help", T0))
                .as("the store knows")
                .isEmpty();
        clock.advance(settings.cacheTtl());
        assertThat(consents.cachedState("2001").coveredScopes("acme_help", T0))
                .as("seen after the bound at the latest")
                .isEmpty();
    }

    @Test
    void explicitGrantsReachTheListenersImportsAndSingleUseGrantsDoNot() {
        List<String> heard = new ArrayList<>();
        consents.addListener(e -> heard.add(e.evidence().reference()));

        consents.grant(ConsentGrant.of("2001", Set.of(REPLY), Evidence.reference(Channel.CLI, "cli")));
        consents.grant(ConsentGrant.of("2001", Set.of(REPLY), Evidence.reference(Channel.IMPORT, "import")));
        consents.grant(
                ConsentGrant.of("2001", Set.of(REPLY), new Evidence(Channel.MENTION, "1500", "#askacme", "single"))
                        .forInteraction("1500"));

        assertThat(heard).containsExactly("cli");
    }

    @Test
    void aSingleUseGrantLapsesSoonAndIsMarkedUsed() {
        ConsentEvent grant = consents.grant(
                ConsentGrant.of("2001", Set.of(REPLY), Evidence.inbound(Channel.MENTION, "1500", "#askacme"))
                        .account("acme_help")
                        .forInteraction("1500"));

        assertThat(grant.expiresAt()).isEqualTo(T0.plus(ConsentSettings.DEFAULT_INTERACTION_EXPIRY));
        consents.markUsed(grant, java.util.UUID.randomUUID());

        assertThat(consents.state("2001")
                        .coverage(REPLY, "acme_help", T0, "1500")
                        .covered())
                .isFalse();
    }

    @Test
    void aGrantThatWouldExpireAtOnceIsRefused() {
        assertThatThrownBy(() ->
                        consents.grant(ConsentGrant.of("2001", Set.of(REPLY), Evidence.reference(Channel.API, "a"))
                                .expiresAt(T0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not after now");
    }

    @Test
    void concurrentGrantsAreAllRecorded() throws Exception {
        AtomicInteger n = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        consents.grant(ConsentGrant.of(
                                "2001", Set.of(REPLY), Evidence.reference(Channel.API, "g" + n.incrementAndGet())));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(consents.history("2001")).hasSize(60);
        assertThat(consents.history("2001"))
                .extracting(ConsentEvent::seq)
                .doesNotHaveDuplicates()
                .isSorted();
    }
}
