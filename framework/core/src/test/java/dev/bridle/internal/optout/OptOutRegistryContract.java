package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.consent.ConsentScope;
import dev.bridle.consent.OptOutScope;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentEvent;
import dev.bridle.internal.consent.ConsentEventType;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.sandbox.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the opt-out registry must do on every database; one subclass per database. */
abstract class OptOutRegistryContract extends StoreTestBase {

    static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    static final String ANA = "2001";

    MutableClock clock;
    ConsentRegistry consents;
    OptOutRegistry optOuts;

    @BeforeEach
    void emptyRegistries() {
        sql("DELETE FROM optout_notices", "DELETE FROM optout_events", "DELETE FROM consent_events");
        clock = MutableClock.at(T0);
        open(OptOutSettings.defaults());
    }

    void open(OptOutSettings settings) {
        consents = new ConsentRegistry(db, clock, ConsentSettings.defaults("acme-bots-dev"));
        optOuts = new OptOutRegistry(db, clock, settings, consents);
    }

    static Evidence stop(String id) {
        return new Evidence(Channel.DIRECT_MESSAGE, id, "STOP", "to @acme_help");
    }

    static Trigger trigger() {
        return new Trigger("en.opt_out.keyword:stop", "en", "abcdef012345");
    }

    ConsentEvent grant(Channel channel, String account, ConsentScope... scopes) {
        return consents.grant(ConsentGrant.of(ANA, Set.of(scopes), Evidence.reference(channel, "ref"))
                .account(account));
    }

    @Test
    void anOptOutIsDurableAndReachesEveryAccountByDefault() {
        OptOutRecorded r = optOuts.optOut(ANA, "acme_help", stop("900"), trigger());

        reopen();
        open(OptOutSettings.defaults());
        OptOutStatus status = optOuts.status(ANA);

        assertThat(r.event().account()).isEqualTo("*");
        assertThat(status.suppression("acme_news")).hasValueSatisfying(e -> {
            assertThat(e.type()).isEqualTo(OptOutEventType.OPTED_OUT);
            assertThat(e.evidence().inboundId()).isEqualTo("900");
            assertThat(e.trigger()).isEqualTo(trigger());
            assertThat(e.eventId()).isEqualTo(r.event().eventId());
        });
    }

    @Test
    void anOptOutWithdrawsConsentOnTheSameAccounts() {
        grant(Channel.API, "*", ConsentScope.REPLY, ConsentScope.FOLLOW);

        OptOutRecorded r = optOuts.optOut(ANA, "acme_help", stop("900"), trigger());

        ConsentEvent last = consents.history(ANA).get(1);
        assertThat(last.type()).isEqualTo(ConsentEventType.WITHDRAWN);
        assertThat(last.evidence().reference()).isEqualTo("opt-out " + r.event().eventId());
        assertThat(consents.state(ANA).coveredScopes("acme_help", T0)).isEmpty();
    }

    @Test
    void anAccountConfiguredApartOptsOutOnlyOfItself() {
        open(OptOutSettings.defaults().withAccountScope("@ACME_Help", OptOutScope.ACCOUNT));

        optOuts.optOut(ANA, "acme_help", stop("900"), trigger());

        assertThat(optOuts.status(ANA).suppressed("acme_help")).isTrue();
        assertThat(optOuts.status(ANA).suppressed("acme_news")).isFalse();
    }

    @Test
    void onlyAnExplicitGrantOptsBackIn() {
        grant(Channel.API, "*", ConsentScope.FOLLOW);
        optOuts.optOut(ANA, "acme_help", stop("900"), trigger());

        grant(Channel.IMPORT, "*", ConsentScope.REPLY);
        consents.grant(
                ConsentGrant.of(ANA, Set.of(ConsentScope.REPLY), Evidence.inbound(Channel.MENTION, "901", "#askacme"))
                        .account("acme_help")
                        .forInteraction("901"));
        assertThat(optOuts.status(ANA).suppressed("acme_help"))
                .as("neither an import nor a hashtag opts back in")
                .isTrue();

        ConsentEvent again = grant(Channel.CLI, "*", ConsentScope.REPLY);
        OptOutStatus status = optOuts.status(ANA);
        assertThat(status.suppressed("acme_help")).isFalse();
        assertThat(status.history().get(status.history().size() - 1).evidence().reference())
                .isEqualTo("consent " + again.eventId());
        assertThat(consents.state(ANA).coveredScopes("acme_help", T0))
                .as("the follow consent withdrawn by the opt-out does not come back")
                .containsExactly(ConsentScope.REPLY);
    }

    @Test
    void aGrantForOneAccountDoesNotLiftAnOptOutOfEveryAccount() {
        optOuts.optOut(ANA, "acme_help", stop("900"), trigger());

        grant(Channel.API, "acme_help", ConsentScope.REPLY);

        assertThat(optOuts.status(ANA).suppressed("acme_help")).isTrue();
        assertThat(optOuts.history(ANA)).extracting(OptOutEvent::type).containsExactly(OptOutEventType.OPTED_OUT);
    }

    @Test
    void aGrantWithNothingToLiftRecordsNoOptIn() {
        grant(Channel.API, "*", ConsentScope.REPLY);

        assertThat(optOuts.history(ANA)).isEmpty();
    }

    @Test
    void aSuspicionSuppressesUntilTheUserConfirmsOrOptsBackIn() {
        OptOutRecorded maybe = optOuts.suspect(ANA, "acme_help", stop("900"), trigger());
        assertThat(maybe.wasSuppressed()).isFalse();
        assertThat(optOuts.status(ANA).suppression("acme_news"))
                .hasValueSatisfying(e -> assertThat(e.type()).isEqualTo(OptOutEventType.SUSPECTED));
        assertThat(consents.history(ANA)).as("a suspicion withdraws nothing").isEmpty();

        OptOutRecorded confirmed = optOuts.optOut(ANA, "acme_help", stop("901"), trigger());
        assertThat(confirmed.wasSuppressed()).isTrue();
        assertThat(confirmed.episode()).isEqualTo(maybe.episode());

        grant(Channel.API, "*", ConsentScope.REPLY);
        assertThat(optOuts.status(ANA).suppressed("acme_news")).isFalse();
    }

    @Test
    void theOneNoticeOfAnEpisodeIsClaimedOnceAndANewEpisodeHasItsOwn() {
        OptOutRecorded first = optOuts.optOut(ANA, "acme_help", stop("900"), trigger());
        OptOutRecorded second = optOuts.optOut(ANA, "acme_help", stop("901"), trigger());

        assertThat(optOuts.claimNotice(first, NoticeKind.OPT_OUT_CONFIRMATION)).isTrue();
        assertThat(optOuts.claimNotice(second, NoticeKind.OPT_OUT_CONFIRMATION)).isFalse();
        assertThat(optOuts.claimNotice(first, NoticeKind.AMBIGUITY_QUESTION))
                .as("one message per episode, of any kind")
                .isFalse();
        reopen();
        open(OptOutSettings.defaults());
        assertThat(optOuts.claimNotice(first, NoticeKind.OPT_OUT_CONFIRMATION))
                .as("durable")
                .isFalse();

        grant(Channel.API, "*", ConsentScope.REPLY);
        OptOutRecorded afterOptIn = optOuts.optOut(ANA, "acme_help", stop("902"), trigger());
        assertThat(afterOptIn.wasSuppressed()).isFalse();
        assertThat(optOuts.claimNotice(afterOptIn, NoticeKind.OPT_OUT_CONFIRMATION))
                .isTrue();
    }

    @Test
    void twoNodesRacingForOneNoticeGetItOnce() throws Exception {
        int nodes = 4;
        List<OptOutRegistry> registries = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            ConsentRegistry c = new ConsentRegistry(db, clock, ConsentSettings.defaults("acme-bots-dev"));
            registries.add(new OptOutRegistry(db, clock, OptOutSettings.defaults(), c));
        }
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> claims = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                OptOutRegistry node = registries.get(i);
                String id = Integer.toString(900 + i);
                Callable<Boolean> stopAndClaim = () -> {
                    start.await();
                    OptOutRecorded r = node.optOut(ANA, "acme_help", stop(id), trigger());
                    return !r.wasSuppressed() && node.claimNotice(r, NoticeKind.OPT_OUT_CONFIRMATION);
                };
                claims.add(pool.submit(stopAndClaim));
            }
            start.countDown();
            int won = 0;
            for (Future<Boolean> f : claims) {
                won += f.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theCacheSeesChangesMadeHereAtOnceAndAnotherNodesWithinItsTime() {
        assertThat(optOuts.cachedStatus(ANA).suppressed("acme_help")).isFalse();
        optOuts.optOut(ANA, "acme_help", stop("900"), trigger());
        assertThat(optOuts.cachedStatus(ANA).suppressed("acme_help")).isTrue();

        try (Database otherNodesStore = Database.open(config)) {
            // its own pool and change feed: on PostgreSQL the feed tells it at once (ChangeFeedTest)
            OptOutRegistry otherNode = new OptOutRegistry(
                    otherNodesStore,
                    clock,
                    OptOutSettings.defaults(),
                    new ConsentRegistry(otherNodesStore, clock, ConsentSettings.defaults("acme-bots-dev")));
            assertThat(otherNode.cachedStatus("2002").suppressed("acme_help")).isFalse();
            optOuts.optOut("2002", "acme_help", stop("901"), trigger());

            assertThat(otherNode.status("2002").suppressed("acme_help"))
                    .as("the store knows")
                    .isTrue();
            clock.advance(Duration.ofSeconds(5));
            assertThat(otherNode.cachedStatus("2002").suppressed("acme_help"))
                    .as("seen after the bound at the latest")
                    .isTrue();
        }
    }
}
