package dev.bridle.internal.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.IdentityLink;
import dev.bridle.bot.LinkBasis;
import dev.bridle.bot.LinkResult;
import dev.bridle.bot.Mention;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Purpose;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentEvent;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.inbound.InboundClaims;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.optout.Trigger;
import dev.bridle.internal.people.MessageOrigins;
import dev.bridle.internal.store.StoreException;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.internal.text.ContentHash;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What identity links must do on every database: a link only on a basis that holds now (consent in the store, the
 * user's own received message that contains the identifier, evidence of where it is public), refusals and links
 * ledgered with the identifier hashed, links private to a bot, and removed when consent ends, on an opt-out and on
 * request.
 */
abstract class IdentitiesContract extends StoreTestBase {

    private static final Instant NOW = Instant.parse("2026-12-03T09:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final UserRef ANNA = new UserRef("1001", "anna");
    private static final UserRef BEN = new UserRef("1002", "ben");
    private static final String ACCOUNT = "acme_help";
    private static final String CUSTOMER = "customer-8841";

    private JdbcAuditLedger ledger;
    private ConsentRegistry consents;
    private IdentityLinkStore links;

    @BeforeEach
    void emptyStore() {
        sql(
                "DELETE FROM identity_link",
                "DELETE FROM inbound_seen",
                "DELETE FROM optout_notices",
                "DELETE FROM optout_events",
                "DELETE FROM consent_events");
        ledger = JdbcAuditLedger.open(db);
        consents = new ConsentRegistry(db, CLOCK, ConsentSettings.defaults("acme-bots-dev"));
        links = new IdentityLinkStore(db, CLOCK);
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    private GuardedIdentities identities(String bot) {
        return identities(bot, Set.of(Purpose.CUSTOMER_SUPPORT), this::receivedFrom);
    }

    private GuardedIdentities identities(String bot, Set<Purpose> purposes, MessageOrigins origins) {
        return new GuardedIdentities(
                bot, ACCOUNT, purposes, new LinkBasisCheck(consents, origins, CLOCK), links, ledger, CLOCK);
    }

    private boolean receivedFrom(String account, String messageId, String userId) {
        return InboundClaims.receivedFrom(db, account, messageId, userId);
    }

    /** Records that {@code account} received the message {@code messageId} from {@code authorId}, as inbound does. */
    private void received(String account, String kind, String messageId, String authorId) {
        sql("INSERT INTO inbound_seen (account, kind, message_id, author_id, received_at, state, node_id, attempts)"
                + " VALUES ('" + account + "', '" + kind + "', '" + messageId + "', '" + authorId
                + "', TIMESTAMP WITH TIME ZONE '2026-12-03 09:00:00+00', 'HANDLED', 'node-1', 1)");
    }

    private ConsentEvent consentToLink(String userId, String account) {
        return consents.grant(ConsentGrant.of(
                        userId, Set.of(ConsentScope.LINK_IDENTITY), Evidence.reference(Channel.API, "signup form"))
                .account(account));
    }

    private static Mention mention(String id, UserRef from, String text) {
        return new Mention(id, from, text, NOW);
    }

    private LedgerRecord lastRow() {
        return ledger.tail(1).get(0).record();
    }

    private void assertRefused(LinkResult result, String why) {
        assertThat(result).isInstanceOfSatisfying(LinkResult.Refused.class, r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.NO_MATCHING_BASIS);
            assertThat(r.rule()).isEqualTo(Rule.OFF_PLATFORM_MATCHING);
            assertThat(r.message()).contains(why).doesNotContain(CUSTOMER);
        });
        assertThat(queryString("SELECT COUNT(*) FROM identity_link")).isEqualTo("0");
        LedgerRecord row = lastRow();
        assertThat(row.event()).isEqualTo(LedgerEvent.DENIED);
        assertThat(row.actionKind()).isEqualTo(GuardedIdentities.IDENTITY_LINK);
        assertThat(row.reason()).isEqualTo("NO_MATCHING_BASIS");
        assertThat(row.rule()).isEqualTo("OFF_PLATFORM_MATCHING");
        assertThat(row.targets()).containsExactly("1001");
        assertThat(row.contentHash()).isEqualTo(ContentHash.sha256Hex(CUSTOMER));
        assertThat(row.message()).doesNotContain(CUSTOMER);
    }

    @Test
    void noBasisIsRefusedAndLedgeredWithTheIdentifierHashed() {
        assertRefused(identities("support").link(ANNA, CUSTOMER, null), "needs a basis");
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void consentLinksOnlyWithALiveLinkIdentityGrantOnTheBotsAccount() {
        GuardedIdentities identities = identities("support");
        assertRefused(identities.link(ANNA, CUSTOMER, LinkBasis.consent()), "has not consented to link_identity");

        consents.grant(ConsentGrant.of("1001", Set.of(ConsentScope.REPLY), Evidence.reference(Channel.API, "form")));
        assertRefused(identities.link(ANNA, CUSTOMER, LinkBasis.consent()), "has not consented to link_identity");

        consentToLink("1001", "acme_news");
        assertRefused(identities.link(ANNA, CUSTOMER, LinkBasis.consent()), "@acme_help");

        ConsentEvent grant = consentToLink("1001", ACCOUNT);
        LinkResult result = identities.link(ANNA, CUSTOMER, LinkBasis.consent());

        assertThat(result).isEqualTo(new LinkResult.Linked(LinkBasis.Kind.CONSENT));
        assertThat(identities.of(ANNA))
                .containsExactly(new IdentityLink(
                        "support",
                        "1001",
                        CUSTOMER,
                        LinkBasis.Kind.CONSENT,
                        grant.eventId().toString(),
                        NOW));
        LedgerRecord row = lastRow();
        assertThat(row.event()).isEqualTo(LedgerEvent.ALLOWED);
        assertThat(row.actionKind()).isEqualTo(GuardedIdentities.IDENTITY_LINK);
        assertThat(row.requestId()).isNull();
        assertThat(row.contentHash()).isEqualTo(ContentHash.sha256Hex(CUSTOMER));
        assertThat(row.message()).contains("consent").doesNotContain(CUSTOMER);
    }

    @Test
    void aLinkIsNoActionForStartUpReconciliationToFindUnsettled() {
        consentToLink("1001", ACCOUNT);
        identities("support").link(ANNA, CUSTOMER, LinkBasis.consent());

        assertThat(lastRow().event()).isEqualTo(LedgerEvent.ALLOWED);
        assertThat(ledger.unsettled(Instant.EPOCH)).isEmpty();
    }

    @Test
    void aWithdrawnConsentNoLongerLinks() {
        consentToLink("1001", ACCOUNT);
        consents.withdraw("1001", ACCOUNT, Set.of(ConsentScope.LINK_IDENTITY), Evidence.reference(Channel.API, "form"));

        assertRefused(identities("support").link(ANNA, CUSTOMER, LinkBasis.consent()), "withdrew");
    }

    @Test
    void anExpiredConsentNoLongerLinks() {
        consents.grant(
                ConsentGrant.of("1001", Set.of(ConsentScope.LINK_IDENTITY), Evidence.reference(Channel.API, "form"))
                        .expiresAt(NOW.plusSeconds(60)));
        LinkBasisCheck later =
                new LinkBasisCheck(consents, this::receivedFrom, Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));

        assertThat(later.check(ACCOUNT, ANNA, CUSTOMER, LinkBasis.consent()))
                .isInstanceOfSatisfying(
                        LinkBasisCheck.Decision.Fails.class,
                        f -> assertThat(f.message()).contains("expired"));
    }

    @Test
    void providedLinksTheUsersOwnReceivedMessageThatContainsTheIdentifierWithCaseFolded() {
        received(ACCOUNT, "MENTION", "9001", "1001");
        received(ACCOUNT, "DIRECT_MESSAGE", "dm-7", "1001");
        GuardedIdentities identities = identities("support");

        LinkResult fromMention = identities.link(
                ANNA, "Straße 12", LinkBasis.provided(mention("9001", ANNA, "@acme_help my address is STRASSE 12")));
        LinkResult fromDm = identities.link(
                ANNA, CUSTOMER, LinkBasis.provided(new DirectMessage("dm-7", ANNA, "it is CUSTOMER-8841", NOW)));

        assertThat(fromMention.linked()).isTrue();
        assertThat(fromDm).isEqualTo(new LinkResult.Linked(LinkBasis.Kind.PROVIDED));
        assertThat(identities.of(ANNA))
                .extracting(IdentityLink::externalId, IdentityLink::basis, IdentityLink::evidence)
                .containsExactlyInAnyOrder(
                        tuple(CUSTOMER, LinkBasis.Kind.PROVIDED, "dm-7"),
                        tuple("Straße 12", LinkBasis.Kind.PROVIDED, "9001"));
    }

    @Test
    void providedIsRefusedForSomeoneElsesMessageAMessageNotReceivedOrOneWithoutTheIdentifier() {
        received(ACCOUNT, "MENTION", "9001", "1001");
        received(ACCOUNT, "MENTION", "9002", "1002");
        received("acme_news", "MENTION", "9003", "1001");
        GuardedIdentities identities = identities("support");

        assertRefused(
                identities.link(ANNA, CUSTOMER, LinkBasis.provided(mention("9002", BEN, "anna is " + CUSTOMER))),
                "only what a person gave the bot themselves");
        // a message Anna did write, but the bot's account never received: to another account, or not at all
        assertRefused(
                identities.link(ANNA, CUSTOMER, LinkBasis.provided(mention("9003", ANNA, "I am " + CUSTOMER))),
                "did not receive message 9003");
        assertRefused(
                identities.link(ANNA, CUSTOMER, LinkBasis.provided(mention("9999", ANNA, "I am " + CUSTOMER))),
                "did not receive message 9999");
        assertRefused(
                identities.link(ANNA, CUSTOMER, LinkBasis.provided(mention("9001", ANNA, "my number is 8841"))),
                "does not contain the identifier");
        assertRefused(
                identities.link(ANNA, CUSTOMER, new LinkBasis.Provided("9001", ANNA, null)), "needs their message");
    }

    @Test
    void publicDataLinksOnlyWithBoundedEvidenceOfWhere() {
        GuardedIdentities identities = identities("support");

        assertRefused(identities.link(ANNA, CUSTOMER, LinkBasis.publicData(" ")), "evidence of where");
        assertRefused(identities.link(ANNA, CUSTOMER, LinkBasis.publicData(null)), "evidence of where");
        assertRefused(identities.link(ANNA, CUSTOMER, LinkBasis.publicData("x".repeat(501))), "at most 500");
        assertRefused(identities.link(ANNA, CUSTOMER, LinkBasis.publicData("site\nnext")), "control characters");

        LinkResult result =
                identities.link(ANNA, CUSTOMER, LinkBasis.publicData("https://example.org/anna (her profile's link)"));

        assertThat(result.linked()).isTrue();
        assertThat(identities.of(ANNA))
                .extracting(IdentityLink::basis, IdentityLink::evidence)
                .containsExactly(tuple(LinkBasis.Kind.PUBLIC_DATA, "https://example.org/anna (her profile's link)"));
    }

    @Test
    void anIdentifierThatCannotBeOneIsAClearErrorThatDoesNotEchoIt() {
        GuardedIdentities identities = identities("support");
        LinkBasis basis = LinkBasis.publicData("profile");

        assertThatThrownBy(() -> identities.link(ANNA, " ", basis))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 to 256 characters");
        assertThatThrownBy(() -> identities.link(ANNA, "a".repeat(257), basis))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("this one has 257");
        assertThatThrownBy(() -> identities.link(ANNA, "secret\u0000id", basis))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+0000")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> identities.link(ANNA, "anna\u200b@example.org", basis))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("U+200B");
        assertThat(queryString("SELECT COUNT(*) FROM identity_link")).isEqualTo("0");
    }

    @Test
    void aBotWhosePurposesDoNotLinkIsRefusedNotForPurpose() {
        consentToLink("1001", ACCOUNT);
        GuardedIdentities identities = identities("news", Set.of(Purpose.ANNOUNCEMENTS), this::receivedFrom);

        LinkResult result = identities.link(ANNA, CUSTOMER, LinkBasis.consent());

        assertThat(result).isInstanceOfSatisfying(LinkResult.Refused.class, r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.NOT_FOR_PURPOSE);
            assertThat(r.message()).contains("announcements");
        });
        assertThat(lastRow().reason()).isEqualTo("NOT_FOR_PURPOSE");
        assertThat(identities.of(ANNA)).isEmpty();
    }

    @Test
    void aCheckThatCannotAnswerRefusesWithGuardUnavailable() {
        MessageOrigins down = (account, message, user) -> {
            throw new StoreException("cannot tell who sent inbound message " + message + ": connection refused", null);
        };
        GuardedIdentities identities = identities("support", Set.of(Purpose.CUSTOMER_SUPPORT), down);

        LinkResult result =
                identities.link(ANNA, CUSTOMER, LinkBasis.provided(mention("9001", ANNA, "I am " + CUSTOMER)));

        assertThat(result)
                .isInstanceOfSatisfying(
                        LinkResult.Refused.class, r -> assertThat(r.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE));
        assertThat(lastRow().reason()).isEqualTo("GUARD_UNAVAILABLE");
        assertThat(queryString("SELECT COUNT(*) FROM identity_link")).isEqualTo("0");
    }

    @Test
    void linksArePrivateToABotAndUnlinkForgetAndRelinkDoWhatTheySay() {
        GuardedIdentities support = identities("support");
        GuardedIdentities billing = identities("billing");
        support.link(ANNA, CUSTOMER, LinkBasis.publicData("profile"));
        support.link(ANNA, "anna@example.org", LinkBasis.publicData("profile"));
        billing.link(ANNA, CUSTOMER, LinkBasis.publicData("invoice page"));
        support.link(BEN, "customer-1", LinkBasis.publicData("profile"));

        consentToLink("1001", ACCOUNT);
        support.link(ANNA, CUSTOMER, LinkBasis.consent()); // again: the basis is replaced

        assertThat(support.of(ANNA))
                .extracting(IdentityLink::externalId, IdentityLink::basis)
                .containsExactly(
                        tuple("anna@example.org", LinkBasis.Kind.PUBLIC_DATA), tuple(CUSTOMER, LinkBasis.Kind.CONSENT));
        assertThat(billing.of(ANNA)).extracting(IdentityLink::evidence).containsExactly("invoice page");
        assertThat(links.about("1001")).extracting(IdentityLink::bot).containsExactly("billing", "support", "support");

        assertThat(support.unlink(ANNA, "anna@example.org")).isTrue();
        assertThat(support.unlink(ANNA, "anna@example.org")).isFalse();
        assertThat(support.forget(ANNA)).isEqualTo(1);
        assertThat(support.of(ANNA)).isEmpty();
        assertThat(billing.of(ANNA)).hasSize(1);
        assertThat(support.of(BEN)).hasSize(1);
    }

    @Test
    void aWithdrawnConsentRemovesThePersonsLinksFromEveryBotWhateverTheirBasis() {
        UnlinkOnConsentEnd.attach(consents, links);
        consentToLink("1001", ACCOUNT);
        identities("support").link(ANNA, CUSTOMER, LinkBasis.consent());
        identities("billing").link(ANNA, CUSTOMER, LinkBasis.publicData("invoice page"));
        identities("support").link(BEN, "customer-1", LinkBasis.publicData("profile"));

        consents.withdraw("1001", ACCOUNT, Set.of(ConsentScope.LINK_IDENTITY), Evidence.reference(Channel.API, "form"));

        assertThat(links.about("1001")).isEmpty();
        assertThat(links.about("1002")).hasSize(1);
    }

    @Test
    void anOptOutRemovesThePersonsLinks() {
        UnlinkOnConsentEnd.attach(consents, links);
        OptOutRegistry optOuts = new OptOutRegistry(db, CLOCK, OptOutSettings.defaults(), consents);
        received(ACCOUNT, "MENTION", "9001", "1001");
        identities("support").link(ANNA, CUSTOMER, LinkBasis.provided(mention("9001", ANNA, "I am " + CUSTOMER)));

        optOuts.optOut(
                "1001",
                ACCOUNT,
                new Evidence(Channel.DIRECT_MESSAGE, "900", "STOP", "to @acme_help"),
                new Trigger("en.opt_out.keyword:stop", "en", "abcdef012345"));

        assertThat(links.about("1001")).isEmpty();
    }
}
