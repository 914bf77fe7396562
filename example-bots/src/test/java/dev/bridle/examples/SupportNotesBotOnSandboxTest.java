package dev.bridle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.config.Inbound;
import dev.bridle.config.OnConsentEnd;
import dev.bridle.config.Purpose;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.testkit.BridleExtension;
import dev.bridle.testkit.TestBridle;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * SupportNotesBot on a real Bridle and sandbox, configured as the shipped configuration runs it: it keeps what a
 * customer tells it, reads the post they ask about through the guarded reads (ledgered without content), and after the
 * customer opts out keeps only what they gave it themselves, until they ask for it to be erased.
 */
class SupportNotesBotOnSandboxTest {

    @RegisterExtension
    static final BridleExtension bridle = BridleExtension.of(b -> b.app("acme-bots-dev", "answering Acme's customers")
                    .purposes(Purpose.CUSTOMER_SUPPORT)
                    .account("acme_help")
                    .bot("support-notes", "acme_help", new SupportNotesBot(), null, Inbound.MENTIONS)
                    .onConsentEnd("support-notes", OnConsentEnd.KEEP_PROVIDED))
            .audience("ana");

    private static final Duration A_MINUTE = Duration.ofMinutes(1);

    @Test
    void keepsWhatTheCustomerSaidReadsThePostTheyAskAboutAndAfterStopKeepsOnlyWhatTheyGave(TestBridle bridle) {
        SandboxPost ours = bridle.sandbox().injectPost("acme_help", "Parcels ship within 2 days this week.");
        String ana = bridle.user("ana").user().id();

        bridle.user("ana")
                .mentions(
                        "acme_help",
                        "#lang pt #order A-1234 is this still true? https://x.com/acme_help/status/" + ours.id());
        bridle.advance(A_MINUTE);

        assertThat(facts(bridle, ana))
                .containsExactlyInAnyOrder("order=A-1234 provided", "preferred-language=pt provided");
        List<LedgerRecord> reads = bridle.bridle().ledger().tail(50).stream()
                .map(e -> e.record())
                .filter(r -> r.event() == LedgerEvent.READ)
                .toList();
        assertThat(reads).extracting(LedgerRecord::actionKind).contains("READ_POST_LOOKUP");
        assertThat(reads).allSatisfy(r -> assertThat(r.toString()).doesNotContain("Parcels ship"));

        bridle.user("ana").optsOutOf("acme_help");
        bridle.advance(A_MINUTE);

        // all of it was given by Anna in her own mention, and the bot is configured keep-provided
        assertThat(facts(bridle, ana))
                .containsExactlyInAnyOrder("order=A-1234 provided", "preferred-language=pt provided");
        bridle.bridle().people().forget(ana); // her erasure request
        assertThat(facts(bridle, ana)).isEmpty();
    }

    private static List<String> facts(TestBridle bridle, String userId) {
        return bridle.bridle().people().facts(userId).stream()
                .map(f -> f.key() + "=" + f.value() + (f.provided() ? " provided" : ""))
                .toList();
    }
}
