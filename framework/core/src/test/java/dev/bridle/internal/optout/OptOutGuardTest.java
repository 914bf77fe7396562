package dev.bridle.internal.optout;

import static dev.bridle.internal.consent.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ReasonCode;
import dev.bridle.consent.ConsentScope;
import dev.bridle.consent.OptOutScope;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.consent.Actions;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentGuard;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.guard.Decision;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.MutableClock;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptOutGuardTest extends StoreTestBase {

    @TempDir
    static Path dir;

    private MutableClock clock;
    private ConsentRegistry consents;
    private OptOutRegistry optOuts;
    private OptOutGuard guard;
    private OptOutFinalCheck finalCheck;

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.h2(dir);
    }

    @BeforeEach
    void setUp() {
        sql("DELETE FROM optout_notices", "DELETE FROM optout_events", "DELETE FROM consent_events");
        clock = MutableClock.at(T0);
        open(OptOutSettings.defaults());
    }

    private void open(OptOutSettings settings) {
        consents = new ConsentRegistry(db, clock, ConsentSettings.defaults("acme-bots-dev"));
        optOuts = new OptOutRegistry(db, clock, settings, consents);
        guard = new OptOutGuard(optOuts);
        finalCheck = new OptOutFinalCheck(optOuts);
    }

    private void consentToEverything(String user) {
        consents.grant(
                ConsentGrant.of(user, EnumSet.allOf(ConsentScope.class), Evidence.reference(Channel.API, "form")));
    }

    private void stop(String user, String account) {
        optOuts.optOut(
                user,
                account,
                new Evidence(Channel.DIRECT_MESSAGE, "900", "STOP", "to @" + account),
                new Trigger("en.opt_out.keyword:stop", "en", "abcdef012345"));
    }

    private static ReasonCode code(Verdict v) {
        return v instanceof Verdict.Deny d ? d.code() : null;
    }

    @Test
    void anOptOutBeatsConsentForEveryKindOfActionBothGuardsAgree() throws Exception {
        consentToEverything("2001");
        stop("2001", "acme_help");
        ConsentGuard consent = new ConsentGuard(consents, clock);

        for (ActionRequest r : List.of(
                Actions.reply("2001", "1500"),
                Actions.post("2001"),
                Actions.dm("2001"),
                Actions.follow("2001"),
                Actions.like("2001"),
                Actions.reply("2002", "1501", "2001"))) {
            for (Guard g : List.of(guard, finalCheck)) {
                assertThat(code(g.check(r)))
                        .as(g.name() + " " + r.kind() + " " + r.targets())
                        .isEqualTo(ReasonCode.OPTED_OUT);
            }
        }
        assertThat(consent.check(Actions.dm("2001")).allows())
                .as("the opt-out withdrew consent too")
                .isFalse();
    }

    @Test
    void aDenialSaysWhoOptedOutWhenAndHow() {
        stop("2001", "acme_help");

        Verdict v = guard.check(Actions.dm("2001"));

        assertThat(((Verdict.Deny) v).message())
                .isEqualTo("user 2001 opted out of contact from every account at 2026-11-28T09:00:00Z (direct message, "
                        + "rule en.opt_out.keyword:stop)");
    }

    @Test
    void unfollowingAnOptedOutUserAndPostingToNobodyPass() {
        stop("2001", "acme_help");

        assertThat(guard.check(Actions.unfollow("2001")).allows()).isTrue();
        assertThat(finalCheck.check(Actions.unfollow("2001")).allows()).isTrue();
        assertThat(guard.check(Actions.post()).allows()).isTrue();
    }

    @Test
    void aSuspicionSuppressesAtOnce() {
        consentToEverything("2001");
        optOuts.suspect("2001", "acme_help", Evidence.inbound(Channel.MENTION, "901", "stpo"), Trigger.NONE);

        Verdict v = finalCheck.check(Actions.reply("2001", "1500"));
        assertThat(code(v)).isEqualTo(ReasonCode.OPTED_OUT);
        assertThat(((Verdict.Deny) v).message())
                .contains("may be an opt-out")
                .contains("paused until they confirm or opt back in");
    }

    @Test
    void anAccountScopedOptOutLeavesTheOtherAccounts() {
        open(OptOutSettings.defaults().withAccountScope("acme_news", OptOutScope.ACCOUNT));
        stop("2001", "acme_news");

        assertThat(guard.check(Actions.dm("2001")).allows())
                .as("@acme_help acts")
                .isTrue();
    }

    @Test
    void aComplianceMessageReachesTheUserItAnswersAndNoOneElse() {
        stop("2001", "acme_help");
        stop("2002", "acme_help");

        assertThat(finalCheck.check(Actions.complianceReply("2001", "1500")).allows())
                .isTrue();
        assertThat(finalCheck.check(Actions.complianceDm("2001")).allows()).isTrue();
        assertThat(code(finalCheck.check(Actions.complianceReply("2001", "1500", "2002"))))
                .isEqualTo(ReasonCode.OPTED_OUT);
    }

    /** Invariant 3: a final check that begins after an opt-out was recorded denies, whatever the caches hold. */
    @Test
    void theFinalCheckDeniesWhenTheCacheIsStaleFromAnOptOutByAnotherNode() {
        assertThat(guard.check(Actions.dm("2001")).allows())
                .as("caches 'not opted out'")
                .isTrue();

        sql(
                "INSERT INTO optout_events (event_id, subject_id, operator, account, event, occurred_at, channel, inbound_id, "
                        + "inbound_text) VALUES (RANDOM_UUID(), '2001', 'acme-bots-dev', '*', 'OPTED_OUT', TIMESTAMP WITH TIME ZONE "
                        + "'2026-11-28 09:00:01+00', 'MENTION', '950', 'STOP')");

        assertThat(guard.check(Actions.dm("2001")).allows())
                .as("the early guard's cache is stale")
                .isTrue();
        assertThat(code(finalCheck.check(Actions.dm("2001")))).isEqualTo(ReasonCode.OPTED_OUT);
    }

    @Test
    void bothGuardsFailClosedWhenTheStoreIsDown() throws Exception {
        Database broken = Database.open(TestStores.h2(dir.resolve("broken")));
        broken.migrate();
        OptOutRegistry unreachable = new OptOutRegistry(
                broken,
                clock,
                OptOutSettings.defaults(),
                new ConsentRegistry(broken, clock, ConsentSettings.defaults("acme-bots-dev")));
        broken.close();

        for (Guard g : List.of(new OptOutGuard(unreachable), new OptOutFinalCheck(unreachable))) {
            try (GuardChain chain = new GuardChain(List.of(g))) {
                Decision d = chain.evaluate(Actions.dm("2001"));
                assertThat(code(d.verdict())).as(g.name()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE);
                assertThat(d.guard()).isEqualTo(g.name());
            }
        }
    }
}
