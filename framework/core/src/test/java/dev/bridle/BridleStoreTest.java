package dev.bridle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.config.StoreUnavailableException;
import dev.bridle.consent.ConsentRequest;
import dev.bridle.consent.ConsentScope;
import dev.bridle.consent.ContactChannel;
import dev.bridle.consent.ContactEvent;
import dev.bridle.consent.ContactHistory;
import dev.bridle.guard.ActionKind;
import dev.bridle.internal.health.AccountHealth;
import dev.bridle.internal.health.PauseReason;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.TestStores;
import dev.bridle.platform.AccountPause;
import dev.bridle.platform.LimitPause;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store-only face: what an operator's tool (and {@code bridle consent}, {@code audit}, {@code accounts}) does with
 * the store while the bots run elsewhere, with accounts that have no credentials and a platform that is never called.
 */
class BridleStoreTest {

    @TempDir
    Path dir;

    /** Where the configuration says the platform is: it listens, and must never see a connection. */
    private ServerSocketChannel platform;

    private StoreConfig storeConfig;
    private Path configFile;

    @BeforeEach
    void configurationWithoutCredentials() throws IOException {
        platform = ServerSocketChannel.open();
        platform.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        platform.configureBlocking(false);
        storeConfig = TestStores.h2(dir);
        configFile = dir.resolve("bridle.yaml");
        Files.writeString(
                configFile, """
                environment: dev
                app: { name: store-test-dev, purpose: "testing the store-only face" }
                store: { url: "%s" }
                platform: { baseUrl: "http://127.0.0.1:%d/" }
                duplicates: { threshold: 0.9 }
                accounts:
                  - { handle: acme_help }
                """.formatted(storeConfig.url(), platform.socket().getLocalPort()));
    }

    @AfterEach
    void closePlatform() throws IOException {
        platform.close();
    }

    private BridleStore open() {
        return Bridle.builder().config(configFile).openStore();
    }

    private void assertThePlatformWasNeverContacted() throws IOException {
        assertThat(platform.accept())
                .as("a connection to the configured platform")
                .isNull();
    }

    @Test
    void opensWhereBuildingWouldNeedCredentialsAndNeverContactsThePlatform() throws IOException {
        assertThatThrownBy(() -> Bridle.builder().config(configFile).build())
                .hasMessageContaining("no account has credentials");

        try (BridleStore store = open()) {
            store.contacts().grant("2001", "acme_help", Set.of(ConsentScope.REPLY), "signup form 8841");
            assertThat(store.contacts().status("2001", "acme_help").reachableFor(ConsentScope.REPLY))
                    .isTrue();
            assertThat(store.ledger().verify().intact()).isTrue();
            assertThat(store.accounts().paused()).isEmpty();
        }
        assertThePlatformWasNeverContacted();
    }

    @Test
    void whatOneOpeningRecordsTheNextReadsWithItsChannelEvidenceAndReceipt() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
        ContactEvent granted;
        try (BridleStore store =
                Bridle.builder().config(configFile).clock(clock).openStore()) {
            granted = store.contacts()
                    .via(ContactChannel.CLI)
                    .grant(ConsentRequest.of("2001", Set.of(ConsentScope.REPLY, ConsentScope.DM), "signup form 8812")
                            .account("@Acme_Help")
                            .validFor(Duration.ofDays(90))
                            .language("pt"));
            store.contacts().withdraw("2001", "acme_help", Set.of(ConsentScope.DM), "email of 2026-12-01");
        }
        assertThat(granted.account()).isEqualTo("acme_help");
        assertThat(granted.type()).isEqualTo("GIVEN");
        assertThat(Duration.between(granted.at(), granted.expiresAt())).isEqualTo(Duration.ofDays(90));

        try (BridleStore store =
                Bridle.builder().config(configFile).clock(clock).openStore()) {
            ContactHistory history = store.contacts().history("2001");
            assertThat(history.operator()).isEqualTo("store-test-dev");
            assertThat(history.consentNow()).containsEntry("acme_help", Set.of(ConsentScope.REPLY));
            assertThat(history.optOutsNow()).isEmpty();
            assertThat(history.consents())
                    .extracting(ContactEvent::type, ContactEvent::channel, ContactEvent::reference)
                    .containsExactly(
                            tuple("GIVEN", ContactChannel.CLI, "signup form 8812"),
                            tuple("WITHDRAWN", ContactChannel.API, "email of 2026-12-01"));
            assertThat(store.contacts().receipts("2001")).contains(granted.id().toString());
        }
    }

    @Test
    void anImportedConsentNeverLiftsAnOptOutButAGrantDoes() {
        try (BridleStore store = open()) {
            Contacts contacts = store.contacts();
            contacts.optOut("2001", "acme_help", "support ticket 1207");
            contacts.via(ContactChannel.IMPORT).grant("2001", "acme_help", Set.of(ConsentScope.REPLY), "old crm");
            assertThat(contacts.status("2001", "acme_help").optedOut()).isTrue();

            // the opt-out covers every account of the operator (the default scope): so must the grant that lifts it
            contacts.grant("2001", ContactEvent.ALL_ACCOUNTS, Set.of(ConsentScope.REPLY), "signup form 8841");
            assertThat(contacts.status("2001", "acme_help").reachableFor(ConsentScope.REPLY))
                    .isTrue();
            assertThat(contacts.history("2001").optOuts())
                    .extracting(ContactEvent::type)
                    .containsExactly("OPTED_OUT", "OPTED_IN");
        }
    }

    @Test
    void aPersonsOwnMessageIsRecordedByTheKeywordsNotThroughThisFace() {
        try (BridleStore store = open()) {
            assertThatThrownBy(() -> store.contacts().via(ContactChannel.DIRECT_MESSAGE))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("recorded by the opt-out keywords");
        }
    }

    @Test
    void theLedgerIsReadVerifiedAndItsHeadAcceptedAsTheAnchor() {
        try (BridleStore store = open()) {
            store.ledger()
                    .append(new LedgerRecord(
                            Instant.parse("2026-12-03T09:00:00Z"),
                            null,
                            "thanks",
                            "acme_help",
                            null,
                            List.of(),
                            null,
                            LedgerEvent.BOT_ERROR,
                            null,
                            null,
                            null,
                            "boom",
                            null,
                            null));
            assertThat(store.ledger().tail(5)).hasSize(1);
            assertThat(store.ledger().verify().intact()).isTrue();

            assertThat(store.ledger().acceptCurrentHead(Clock.systemUTC())).contains("now records row 1");
            assertThat(store.ledger().describeAnchor()).contains("records row 1");
        }
    }

    @Test
    void pausedAccountsAreReadAndResumed() {
        Clock clock = Clock.fixed(Instant.parse("2026-12-03T09:00:00Z"), ZoneOffset.UTC);
        Instant now = clock.instant();
        try (Database db = Database.open(storeConfig)) {
            db.migrate();
            AccountHealth health = new AccountHealth(db, clock);
            health.pause("acme_help", PauseReason.LOCKED, 326, 403, "the account is locked");
            health.pauseKinds("acme_help", Set.of(ActionKind.POST), now.plus(Duration.ofHours(3)), 185);
        }
        try (BridleStore store =
                Bridle.builder().config(configFile).clock(clock).openStore()) {
            AccountPause pause = store.accounts().pauseOf("@ACME_HELP").orElseThrow();
            assertThat(pause.reason()).isEqualTo("LOCKED");
            assertThat(pause.describe())
                    .contains("(code 326)")
                    .contains("to fix: " + PauseReason.LOCKED.remedy())
                    .endsWith("bridle accounts resume acme_help");
            assertThat(store.accounts().limitPauses())
                    .extracting(LimitPause::kind, LimitPause::errorCode)
                    .contains(tuple(ActionKind.POST, 185));

            assertThat(store.accounts().resume("acme_help")).isTrue();
            assertThat(store.accounts().paused()).isEmpty();
            assertThat(store.accounts().resume("acme_help")).isFalse();
        }
    }

    @Test
    void anUnreachableStoreIsAStoreUnavailableException() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Bridle.Builder builder = Bridle.builder()
                .app("store-test-dev", "testing")
                .postgres("jdbc:postgresql://127.0.0.1:" + closed + "/bridle", "bridle", "secret-pw");
        assertThatThrownBy(builder::openStore)
                .isInstanceOf(StoreUnavailableException.class)
                .hasMessageContaining("127.0.0.1:" + closed)
                .message()
                .doesNotContain("secret-pw");
    }

    @Test
    void theConfiguredThresholdAndKeywordsAreReadWithoutAStore() {
        Bridle.Builder builder = Bridle.builder().config(configFile);
        assertThat(builder.duplicateCheck().threshold()).isEqualTo(0.9);
        assertThat(builder.duplicateCheck()
                        .compare("Big sale today!", "BIG SALE TODAY 🔥")
                        .exact())
                .isTrue();
        OptOutKeywords keywords = builder.keywords();
        assertThat(keywords.shipped()).isTrue();
        assertThat(keywords.classify("STOP please"))
                .satisfies(c -> assertThat(c.messageClass()).isEqualTo(OptOutKeywords.MessageClass.OPT_OUT))
                .satisfies(c -> assertThat(c.rule()).isEqualTo("en.opt_out.keyword:stop"));
        assertThat(Files.exists(dir.resolve("bridle.mv.db")))
                .as("no store opened")
                .isFalse();
        assertThatThrownBy(() -> DuplicateCheck.withThreshold(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
