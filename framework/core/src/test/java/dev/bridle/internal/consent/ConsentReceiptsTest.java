package dev.bridle.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.consent.ConsentScope;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Receipts are what users and auditors read: a golden file holds their exact shape. */
class ConsentReceiptsTest {

    private static final String GOLDEN = "receipt-start-by-dm.json";
    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    private final ConsentSettings settings = ConsentSettings.defaults("acme-bots-prod")
            .withPolicy("2026-11", "https://acme.example/bots/privacy", "EU", "privacy@acme.example");

    private final ConsentEvent grant = new ConsentEvent(
            1,
            UUID.fromString("6f1c2a9e-0000-4000-8000-000000000001"),
            "2001",
            "acme-bots-prod",
            "*",
            EnumSet.of(ConsentScope.REPLY, ConsentScope.MENTION, ConsentScope.DM),
            ConsentEventType.GIVEN,
            T0,
            T0.plus(Duration.ofDays(365)),
            null,
            null,
            new Evidence(Channel.DIRECT_MESSAGE, "1790000000000000001", "START", "to @acme_help"),
            settings.notice().ref(),
            "2026-11",
            "EU",
            "en");

    private final ConsentEvent withdrawal = new ConsentEvent(
            2,
            UUID.fromString("6f1c2a9e-0000-4000-8000-000000000002"),
            "2001",
            "acme-bots-prod",
            "*",
            EnumSet.of(ConsentScope.DM),
            ConsentEventType.WITHDRAWN,
            T0.plus(Duration.ofDays(30)),
            null,
            null,
            null,
            Evidence.reference(Channel.CLI, "email of 2026-12-28"),
            null,
            "2026-11",
            "EU",
            null);

    @Test
    void aReceiptOfAStartByDirectMessageMatchesTheGoldenFile() throws IOException {
        ConsentState state = ConsentState.of("2001", List.of(grant, withdrawal));

        String json = ConsentReceipts.toJson(
                new ConsentReceipts(settings).receipt(grant, state, T0.plus(Duration.ofDays(31))));

        assertThat(json + "\n").isEqualTo(golden(json));
    }

    @Test
    void anExportHoldsOneReceiptPerGrant() {
        ConsentState state = ConsentState.of("2001", List.of(grant, withdrawal));

        var export = new ConsentReceipts(settings).export(state, T0);

        assertThat(export.path("piiPrincipalId").asText()).isEqualTo("2001");
        assertThat(export.path("receipts")).hasSize(1);
        assertThat(export.path("receipts").get(0).path("status").asText())
                .as("dm withdrawn, reply and mention in force")
                .isEqualTo("given");
        assertThat(export.path("receipts").get(0).path("scopesInForce"))
                .extracting(n -> n.asText())
                .containsExactly("reply", "mention");
    }

    @Test
    void aGrantWithdrawnInFullIsWithdrawn() {
        ConsentEvent all = new ConsentEvent(
                3,
                UUID.fromString("6f1c2a9e-0000-4000-8000-000000000003"),
                "2001",
                "acme-bots-prod",
                "*",
                EnumSet.allOf(ConsentScope.class),
                ConsentEventType.WITHDRAWN,
                T0.plusSeconds(60),
                null,
                null,
                null,
                Evidence.inbound(Channel.MENTION, "1790000000000000009", "STOP"),
                null,
                null,
                null,
                null);
        ConsentState state = ConsentState.of("2001", List.of(grant, all));

        var receipt = new ConsentReceipts(settings).receipt(grant, state, T0.plusSeconds(61));

        assertThat(receipt.path("status").asText()).isEqualTo("withdrawn");
        assertThat(receipt.path("scopesInForce")).isEmpty();
        assertThat(receipt.path("events").get(1).path("entityId").asText())
                .as("the user withdrew it")
                .isEqualTo("2001");
    }

    @Test
    void aReceiptIsOnlyForAGrant() {
        ConsentState state = ConsentState.of("2001", List.of(grant, withdrawal));

        assertThatThrownBy(() -> new ConsentReceipts(settings).receipt(withdrawal, state, T0))
                .hasMessageContaining("for a grant");
    }

    @Test
    void aLiveGrantIsGivenAndALapsedOneExpired() {
        ConsentState state = ConsentState.of("2001", List.of(grant));
        ConsentReceipts receipts = new ConsentReceipts(settings);

        assertThat(receipts.receipt(grant, state, T0).path("status").asText()).isEqualTo("given");
        assertThat(receipts.receipt(grant, state, grant.expiresAt())
                        .path("status")
                        .asText())
                .isEqualTo("expired");
        assertThat(receipts.receipt(grant, state, T0).path("services").get(0).path("purposes"))
                .extracting(p -> p.path("purposeCategory").get(0).asText())
                .containsExactly("reply", "mention", "dm");
        assertThat(Set.of(
                        "version",
                        "jurisdiction",
                        "consentTimestamp",
                        "collectionMethod",
                        "consentReceiptID",
                        "language",
                        "piiPrincipalId",
                        "piiControllers",
                        "policyUrl",
                        "services",
                        "sensitive",
                        "spiCat"))
                .allMatch(field -> receipts.receipt(grant, state, T0).has(field));
    }

    /** The golden text; with -Dbridle.golden.update=true, (re)writes it from {@code actual} first. */
    private static String golden(String actual) throws IOException {
        if (Boolean.getBoolean("bridle.golden.update")) {
            Path file = Path.of("src/test/resources/dev/bridle/internal/consent", GOLDEN);
            Files.createDirectories(file.getParent());
            Files.writeString(file, actual + "\n", StandardCharsets.UTF_8);
        }
        try (InputStream in = ConsentReceiptsTest.class.getResourceAsStream(GOLDEN)) {
            assertThat(in).as("golden file " + GOLDEN).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
