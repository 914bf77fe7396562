package dev.bridle.internal.consent;

import static dev.bridle.internal.consent.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.ReasonCode;
import dev.bridle.consent.ConsentScope;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.guard.Decision;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.StoreException;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsentGuardTest extends StoreTestBase {

    @TempDir
    static Path dir;

    private MutableClock clock;
    private ConsentRegistry consents;
    private ConsentGuard guard;

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.h2(dir);
    }

    @BeforeEach
    void setUp() {
        sql("DELETE FROM consent_events");
        clock = MutableClock.at(T0);
        consents = new ConsentRegistry(db, clock, ConsentSettings.defaults("acme-bots-dev"));
        guard = new ConsentGuard(consents, clock);
    }

    private void grant(String user, ConsentScope... scopes) {
        consents.grant(ConsentGrant.of(user, Set.of(scopes), Evidence.reference(Channel.API, "test")));
    }

    private Verdict check(ActionRequest request) {
        return guard.check(request);
    }

    private static ReasonCode code(Verdict v) {
        return ((Verdict.Deny) v).code();
    }

    private static String message(Verdict v) {
        return ((Verdict.Deny) v).message();
    }

    @Test
    void eachRoleNeedsItsOwnScope() {
        grant("2001", ConsentScope.REPLY);
        grant("2002", ConsentScope.MENTION);
        grant("2003", ConsentScope.DM);
        grant("2004", ConsentScope.FOLLOW);

        assertThat(check(Actions.reply("2001", "1500")).allows()).isTrue();
        assertThat(check(Actions.post("2002")).allows()).isTrue();
        assertThat(check(Actions.dm("2003")).allows()).isTrue();
        assertThat(check(Actions.follow("2004")).allows()).isTrue();

        assertThat(code(check(Actions.dm("2001")))).isEqualTo(ReasonCode.CONSENT_SCOPE);
        assertThat(code(check(Actions.reply("2002", "1500")))).isEqualTo(ReasonCode.CONSENT_SCOPE);
        assertThat(code(check(Actions.follow("2003")))).isEqualTo(ReasonCode.CONSENT_SCOPE);
        assertThat(code(check(Actions.post("2004")))).isEqualTo(ReasonCode.CONSENT_SCOPE);
    }

    @Test
    void everyMentionedUserNeedsConsentToo() {
        grant("2001", ConsentScope.REPLY);
        grant("2002", ConsentScope.MENTION);

        assertThat(check(Actions.reply("2001", "1500", "2002")).allows()).isTrue();
        Verdict v = check(Actions.reply("2001", "1500", "2002", "2005"));
        assertThat(code(v)).isEqualTo(ReasonCode.NO_CONSENT);
        assertThat(message(v)).isEqualTo("no consent from user 2005 on @acme_help to mention");
    }

    @Test
    void aDenialNamesTheUserAndTheScope() {
        grant("2001", ConsentScope.REPLY, ConsentScope.MENTION);

        assertThat(message(check(Actions.dm("2001"))))
                .isEqualTo("user 2001 on @acme_help consented to reply,mention, not to dm");
        assertThat(message(check(Actions.dm("2009")))).isEqualTo("no consent from user 2009 on @acme_help to dm");
    }

    @Test
    void unfollowsLikesAndPostsThatReachNobodyNeedNoConsent() {
        assertThat(check(Actions.unfollow("2001")).allows()).isTrue();
        assertThat(check(Actions.like("2001")).allows()).isTrue();
        assertThat(check(Actions.post()).allows()).isTrue();
    }

    @Test
    void aReplyToAPostOfUnknownAuthorIsDenied() {
        ActionRequest r = Actions.reply("2001", "1500");
        ActionRequest unknownAuthor = new ActionRequest(
                r.requestId(),
                r.botName(),
                r.account(),
                r.kind(),
                r.text(),
                List.of(),
                new dev.bridle.bot.PostRef("1500", null),
                "1500",
                r.requestedAt());

        Verdict v = check(unknownAuthor);

        assertThat(code(v)).isEqualTo(ReasonCode.NO_CONSENT);
        assertThat(message(v))
                .isEqualTo("the author of post 1500 is not known, so their consent to a reply cannot be checked");
    }

    @Test
    void consentExpiresAtItsExpiryNotBefore() {
        consents.grant(ConsentGrant.of("2001", Set.of(ConsentScope.DM), Evidence.reference(Channel.API, "t"))
                .expiresAt(T0.plus(Duration.ofDays(30))));

        clock.set(T0.plus(Duration.ofDays(30)).minusMillis(1));
        assertThat(check(Actions.dm("2001")).allows()).isTrue();

        clock.set(T0.plus(Duration.ofDays(30)));
        Verdict v = check(Actions.dm("2001"));
        assertThat(code(v)).isEqualTo(ReasonCode.CONSENT_EXPIRED);
        assertThat(message(v))
                .isEqualTo("the consent of user 2001 on @acme_help to dm expired at 2026-12-28T09:00:00Z");
    }

    @Test
    void aWithdrawalTakesEffectAtOnceOnThisNode() {
        grant("2001", ConsentScope.DM);
        assertThat(check(Actions.dm("2001")).allows()).isTrue();

        consents.withdraw("2001", "*", Set.of(ConsentScope.DM), Evidence.reference(Channel.CLI, "asked by email"));

        assertThat(code(check(Actions.dm("2001")))).isEqualTo(ReasonCode.NO_CONSENT);
        assertThat(message(check(Actions.dm("2001")))).contains("withdrew consent to dm");
    }

    @Test
    void aComplianceMessageIsExemptTowardsTheUserItAnswersOnly() {
        grant("2002", ConsentScope.MENTION);

        assertThat(check(Actions.complianceReply("2001", "1500")).allows()).isTrue();
        assertThat(check(Actions.complianceDm("2001")).allows()).isTrue();
        assertThat(code(check(Actions.complianceReply("2001", "1500", "2002", "2003"))))
                .isEqualTo(ReasonCode.NO_CONSENT);
    }

    @Test
    void aSingleUseConsentCoversOneReplyToItsMention() {
        consents.grant(ConsentGrant.of(
                        "2001", Set.of(ConsentScope.REPLY), Evidence.inbound(Channel.MENTION, "1500", "#askacme"))
                .account("acme_help")
                .forInteraction("1500"));
        ActionRequest first = Actions.reply("2001", "1500");

        assertThat(code(check(Actions.reply("2001", "1501")))).isEqualTo(ReasonCode.NO_CONSENT);
        assertThat(check(first).allows()).isTrue();
        guard.confirm(first, "1700");

        assertThat(code(check(Actions.reply("2001", "1500")))).as("used up").isEqualTo(ReasonCode.NO_CONSENT);
    }

    @Test
    void aReleasedReplyLeavesTheSingleUseConsentUnused() {
        consents.grant(ConsentGrant.of(
                        "2001", Set.of(ConsentScope.REPLY), Evidence.inbound(Channel.MENTION, "1500", "#askacme"))
                .account("acme_help")
                .forInteraction("1500"));
        ActionRequest first = Actions.reply("2001", "1500");
        assertThat(check(first).allows()).isTrue();

        guard.release(first);
        guard.confirm(first, "1700");

        assertThat(check(Actions.reply("2001", "1500")).allows()).isTrue();
    }

    @Test
    void aStoreThatCannotAnswerMakesTheChainDeny() throws Exception {
        Database broken = Database.open(TestStores.h2(dir.resolve("broken")));
        broken.migrate();
        ConsentRegistry unreachable = new ConsentRegistry(broken, clock, ConsentSettings.defaults("acme-bots-dev"));
        broken.close();

        assertThatThrownBy(() -> new ConsentGuard(unreachable, clock).check(Actions.dm("2001")))
                .isInstanceOf(StoreException.class);
        try (GuardChain chain = new GuardChain(List.of(new ConsentGuard(unreachable, clock)))) {
            Decision d = chain.evaluate(Actions.dm("2001"));
            assertThat(d.allows()).isFalse();
            assertThat(((Verdict.Deny) d.verdict()).code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE);
            assertThat(d.guard()).isEqualTo("consent");
        }
    }
}
