package dev.bridle.internal.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.FactResult;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Purpose;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.inbound.InboundClaims;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.optout.Trigger;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.internal.text.ContentHash;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the facts store must do on every database: screened writes, refusals ledgered without the value, facts private
 * to a bot, forgetting by key, by bot and by person. The screen here is a fixed one (the screen's judgement has its own
 * tests); this contract is about what the store does with its verdict.
 */
abstract class PeopleContract extends StoreTestBase {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
    private static final UserRef ANNA = new UserRef("1001", "anna");
    private static final UserRef BEN = new UserRef("1002", "ben");

    /** Refuses any value that says "diabetes" as health, like a real screen would; lets everything else through. */
    private static final FactScreen SCREEN = (key, value) -> value.toLowerCase().contains("diabetes")
            ? Optional.of(new FactScreen.Sensitive("health", List.of("diabetes")))
            : Optional.empty();

    private JdbcAuditLedger ledger;
    private PersonFacts facts;

    @BeforeEach
    void emptyStore() {
        sql(
                "DELETE FROM person_fact",
                "DELETE FROM inbound_seen",
                "DELETE FROM optout_notices",
                "DELETE FROM optout_events",
                "DELETE FROM consent_events");
        ledger = JdbcAuditLedger.open(db);
        facts = new PersonFacts(db, CLOCK);
    }

    @AfterEach
    void closeLedger() {
        ledger.close();
    }

    private ScreenedPeople people(String bot, FactScreen screen) {
        return people(bot, Set.of(Purpose.CUSTOMER_SUPPORT), screen);
    }

    private ScreenedPeople people(String bot, Set<Purpose> purposes, FactScreen screen) {
        return new ScreenedPeople(
                bot,
                "acme_news",
                purposes,
                screen,
                facts,
                (account, message, user) -> InboundClaims.receivedFrom(db, account, message, user),
                ledger,
                CLOCK);
    }

    /** Records that {@code account} received the mention {@code messageId} from {@code authorId}, as inbound does. */
    private void received(String account, String messageId, String authorId) {
        sql("INSERT INTO inbound_seen (account, kind, message_id, author_id, received_at, state, node_id, attempts)"
                + " VALUES ('" + account + "', 'MENTION', '" + messageId + "', '" + authorId
                + "', TIMESTAMP WITH TIME ZONE '2026-12-03 09:00:00+00', 'HANDLED', 'node-1', 1)");
    }

    @Test
    void anAllowedFactIsStoredAndReadBack() {
        ScreenedPeople people = people("support", SCREEN);

        FactResult result = people.put(ANNA, "preferred-language", "de");

        assertThat(result.stored()).isTrue();
        assertThat(people.get(ANNA, "preferred-language")).hasValue("de");
        assertThat(people.get(BEN, "preferred-language")).isEmpty();
    }

    @Test
    void aSecondPutReplacesTheFirst() {
        ScreenedPeople people = people("support", SCREEN);
        people.put(ANNA, "plan", "basic");
        people.put(ANNA, "plan", "pro");

        assertThat(people.all(ANNA)).containsExactly(java.util.Map.entry("plan", "pro"));
        assertThat(queryString("SELECT COUNT(*) FROM person_fact")).isEqualTo("1");
    }

    @Test
    void aSensitiveFactIsRefusedNotStoredAndLedgeredWithoutItsValue() {
        ScreenedPeople people = people("support", SCREEN);

        FactResult result = people.put(ANNA, "note", "mentioned her Diabetes twice");

        assertThat(result).isInstanceOfSatisfying(FactResult.Refused.class, r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.SENSITIVE_ATTRIBUTE);
            assertThat(r.category()).isEqualTo("health");
            assertThat(r.rule()).isEqualTo(ReasonCode.SENSITIVE_ATTRIBUTE.rule());
        });
        assertThat(people.get(ANNA, "note")).isEmpty();
        assertThat(queryString("SELECT COUNT(*) FROM person_fact")).isEqualTo("0");
        LedgerEntry last = ledger.tail(1).get(0);
        LedgerRecord row = last.record();
        assertThat(row.event()).isEqualTo(LedgerEvent.DENIED);
        assertThat(row.actionKind()).isEqualTo(ScreenedPeople.FACT);
        assertThat(row.reason()).isEqualTo("SENSITIVE_ATTRIBUTE");
        assertThat(row.rule()).isEqualTo("SENSITIVE_INFORMATION");
        assertThat(row.targets()).containsExactly("1001");
        assertThat(row.contentHash()).isEqualTo(ContentHash.sha256Hex("mentioned her Diabetes twice"));
        assertThat(row.message()).contains("'note'", "health").doesNotContainIgnoringCase("diabetes");
        assertThat(ledger.verify().intact()).isTrue();
    }

    @Test
    void aBotWhosePurposesKeepNoFactsIsRefusedAndLedgered() {
        ScreenedPeople announcer = people("news", Set.of(Purpose.ANNOUNCEMENTS), SCREEN);

        FactResult result = announcer.put(ANNA, "plan", "pro");

        assertThat(result).isInstanceOfSatisfying(FactResult.Refused.class, r -> {
            assertThat(r.code()).isEqualTo(ReasonCode.NOT_FOR_PURPOSE);
            assertThat(r.message()).contains("announcements");
        });
        assertThat(queryString("SELECT COUNT(*) FROM person_fact")).isEqualTo("0");
        assertThat(ledger.tail(1).get(0).record().reason()).isEqualTo("NOT_FOR_PURPOSE");
        assertThat(people("news", Set.of(), SCREEN).put(ANNA, "plan", "pro").reason())
                .contains("declares no purpose");
    }

    @Test
    void aDerivedFactIsScreenedLikeAToldOne() {
        ScreenedPeople people = people("support", SCREEN);
        String derived = "likely " + "diabetes".toUpperCase() + " (from 3 posts)";

        assertThat(people.put(ANNA, "inferred-condition", derived).stored()).isFalse();
    }

    @Test
    void aScreenThatCannotDecideStoresNothing() {
        ScreenedPeople people = people("support", (key, value) -> {
            throw new IllegalStateException("term list unreadable");
        });

        assertThatThrownBy(() -> people.put(ANNA, "plan", "pro")).hasMessageContaining("term list unreadable");
        assertThat(queryString("SELECT COUNT(*) FROM person_fact")).isEqualTo("0");
    }

    @Test
    void botsDoNotSeeEachOthersFacts() {
        people("support", SCREEN).put(ANNA, "plan", "pro");

        assertThat(people("digest", SCREEN).get(ANNA, "plan")).isEmpty();
        assertThat(people("digest", SCREEN).all(ANNA)).isEmpty();
    }

    @Test
    void forgettingByKeyByBotAndByPerson() {
        ScreenedPeople support = people("support", SCREEN);
        ScreenedPeople digest = people("digest", SCREEN);
        support.put(ANNA, "plan", "pro");
        support.put(ANNA, "language", "de");
        support.put(BEN, "plan", "basic");
        digest.put(ANNA, "topics", "football");

        support.forget(ANNA, "plan");
        assertThat(support.all(ANNA)).containsOnlyKeys("language");

        support.forget(ANNA);
        assertThat(support.all(ANNA)).isEmpty();
        assertThat(digest.all(ANNA)).containsOnlyKeys("topics");

        assertThat(facts.forgetPerson("1001")).isEqualTo(1);
        assertThat(facts.about("1001")).isEmpty();
        assertThat(facts.about("1002")).extracting(StoredFact::key).containsExactly("plan");
    }

    @Test
    void whatIsHeldAboutAPersonListsEveryBotsFacts() {
        people("support", SCREEN).put(ANNA, "plan", "pro");
        people("digest", SCREEN).put(ANNA, "topics", "football");

        assertThat(facts.about("1001"))
                .extracting(StoredFact::bot, StoredFact::key, StoredFact::value, StoredFact::updatedAt)
                .containsExactly(
                        tuple("digest", "topics", "football", CLOCK.instant()),
                        tuple("support", "plan", "pro", CLOCK.instant()));
    }

    @Test
    void factsSurviveARestart() {
        people("support", SCREEN).put(ANNA, "plan", "pro");
        ledger.close();

        reopen();
        ledger = JdbcAuditLedger.open(db);
        facts = new PersonFacts(db, CLOCK);

        assertThat(people("support", SCREEN).get(ANNA, "plan")).hasValue("pro");
    }

    @Test
    void keysAndValuesHaveBounds() {
        ScreenedPeople people = people("support", SCREEN);

        assertThatThrownBy(() -> people.put(ANNA, " ", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> people.put(ANNA, "k".repeat(201), "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> people.put(ANNA, "k", "v".repeat(4_001)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("vvvv");
        assertThat(people.put(ANNA, "k".repeat(200), "v".repeat(4_000)).stored())
                .isTrue();
    }

    @Test
    void anOptOutForgetsThePersonsFactsFromEveryBot() {
        ConsentRegistry consents = new ConsentRegistry(db, CLOCK, ConsentSettings.defaults("acme-bots-dev"));
        OptOutRegistry optOuts = new OptOutRegistry(db, CLOCK, OptOutSettings.defaults(), consents);
        ForgetOnConsentEnd.attach(consents, facts);
        people("support", SCREEN).put(ANNA, "plan", "pro");
        people("digest", SCREEN).put(ANNA, "topics", "football");
        people("support", SCREEN).put(BEN, "plan", "basic");

        optOuts.optOut(
                "1001",
                "acme_news",
                new Evidence(Channel.DIRECT_MESSAGE, "900", "STOP", "to @acme_news"),
                new Trigger("en.opt_out.keyword:stop", "en", "abcdef012345"));

        assertThat(facts.about("1001")).isEmpty();
        assertThat(facts.about("1002")).hasSize(1);
    }

    @Test
    void aWithdrawnConsentForgetsThePersonsFacts() {
        ConsentRegistry consents = new ConsentRegistry(db, CLOCK, ConsentSettings.defaults("acme-bots-dev"));
        ForgetOnConsentEnd.attach(consents, facts);
        consents.grant(ConsentGrant.of("1001", Set.of(ConsentScope.REPLY), Evidence.reference(Channel.API, "form")));
        people("support", SCREEN).put(ANNA, "plan", "pro");

        consents.withdraw("1001", "acme_news", Set.of(ConsentScope.REPLY), Evidence.reference(Channel.API, "form"));

        assertThat(facts.about("1001")).isEmpty();
    }

    @Test
    void aFactIsProvidedOnlyWhenItsSourceIsAMessageTheAccountReceivedFromThatPerson() {
        received("ACME_NEWS", "9001", "1001"); // handles are compared in any case
        received("acme_news", "9002", "1002");
        received("acme_other", "9003", "1001");
        ScreenedPeople people = people("support", SCREEN);

        people.put(ANNA, "order", "A-1", new PostRef("9001", ANNA));
        people.put(ANNA, "plan", "pro", new PostRef("9001", null)); // the author unknown, the message tells
        people.put(ANNA, "forged", "x", new PostRef("9009", ANNA)); // never received: the bot merely says so
        people.put(ANNA, "ben-said", "y", new PostRef("9002", BEN)); // someone else's message
        people.put(ANNA, "elsewhere", "z", new PostRef("9003", ANNA)); // received on another account
        people.put(ANNA, "derived", "w");

        assertThat(facts.about("1001"))
                .filteredOn(StoredFact::provided)
                .extracting(StoredFact::key)
                .containsExactlyInAnyOrder("order", "plan");
    }

    @Test
    void aBotThatKeepsWhatWasProvidedKeepsOnlyThatWhenConsentEnds() {
        ConsentRegistry consents = new ConsentRegistry(db, CLOCK, ConsentSettings.defaults("acme-bots-dev"));
        OptOutRegistry optOuts = new OptOutRegistry(db, CLOCK, OptOutSettings.defaults(), consents);
        ForgetOnConsentEnd.attach(consents, facts, Set.of("support"));
        received("acme_news", "9001", "1001");
        people("support", SCREEN).put(ANNA, "order", "A-1", new PostRef("9001", ANNA));
        people("support", SCREEN).put(ANNA, "mood", "impatient", new PostRef("9008", ANNA)); // not a message received
        people("support", SCREEN).put(ANNA, "language", "de");
        people("digest", SCREEN).put(ANNA, "topics", "football", new PostRef("9001", ANNA));

        optOuts.optOut(
                "1001",
                "acme_news",
                new Evidence(Channel.DIRECT_MESSAGE, "900", "STOP", "to @acme_news"),
                new Trigger("en.opt_out.keyword:stop", "en", "abcdef012345"));

        assertThat(facts.about("1001"))
                .extracting(StoredFact::bot, StoredFact::key)
                .containsExactly(tuple("support", "order"));
    }

    @Test
    void whatWasProvidedGoesOnAnErasureRequestAndWhenItsMessageIsDeleted() {
        ConsentRegistry consents = new ConsentRegistry(db, CLOCK, ConsentSettings.defaults("acme-bots-dev"));
        OptOutRegistry optOuts = new OptOutRegistry(db, CLOCK, OptOutSettings.defaults(), consents);
        received("acme_news", "9001", "1001");
        received("acme_news", "9002", "1002");
        people("support", SCREEN).put(ANNA, "order", "A-1", new PostRef("9001", ANNA));
        people("support", SCREEN).put(BEN, "order", "B-2", new PostRef("9002", BEN));

        assertThat(facts.forgetPerson("1001")).isEqualTo(1);
        new DeletedContent(consents, optOuts, facts).purge(List.of("9002"));

        assertThat(facts.about("1001")).isEmpty();
        assertThat(facts.about("1002")).isEmpty();
    }

    @Test
    void contentDeletedOnThePlatformIsForgottenEverywhereItWasKept() {
        ConsentRegistry consents = new ConsentRegistry(db, CLOCK, ConsentSettings.defaults("acme-bots-dev"));
        OptOutRegistry optOuts = new OptOutRegistry(db, CLOCK, OptOutSettings.defaults(), consents);
        consents.grant(ConsentGrant.of(
                "1002", Set.of(ConsentScope.REPLY), Evidence.inbound(Channel.MENTION, "9001", "yes please, reply")));
        optOuts.optOut(
                "1003",
                "acme_news",
                new Evidence(Channel.DIRECT_MESSAGE, "9002", "STOP it", "to @acme_news"),
                new Trigger("en.opt_out.keyword:stop", "en", "abcdef012345"));
        ScreenedPeople people = people("support", SCREEN);
        people.put(ANNA, "plan", "pro", new PostRef("9003", ANNA));
        people.put(ANNA, "language", "de", new PostRef("9004", ANNA));

        DeletedContent.Purged purged =
                new DeletedContent(consents, optOuts, facts).purge(List.of("9001", "9002", "9003"));

        // two consent texts: the grant's, and the withdrawal the opt-out recorded with the STOP message as evidence
        assertThat(purged).isEqualTo(new DeletedContent.Purged(2, 1, 1));
        assertThat(queryString("SELECT COUNT(*) FROM consent_events WHERE inbound_text IS NOT NULL"))
                .isEqualTo("0");
        assertThat(queryString("SELECT inbound_id FROM consent_events WHERE subject_id = '1002'"))
                .isEqualTo("9001");
        assertThat(queryString("SELECT COUNT(*) FROM optout_events WHERE inbound_text IS NOT NULL"))
                .isEqualTo("0");
        assertThat(optOuts.status("1003").suppressed("acme_news")).isTrue();
        assertThat(people.all(ANNA)).containsOnlyKeys("language");
    }
}
