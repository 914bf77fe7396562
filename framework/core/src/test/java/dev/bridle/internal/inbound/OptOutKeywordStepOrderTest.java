package dev.bridle.internal.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.config.KeywordFileReader;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.optout.KeywordMatcher;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.optout.QueuedActions;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.store.StoreException;
import dev.bridle.internal.store.StoreTestBase;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.MutableClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The keyword step on its own: what happens in which order, and what it does when parts fail. */
class OptOutKeywordStepOrderTest extends StoreTestBase {

    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private static final UserRef ANA = new UserRef("2001", "ana");
    private static final Account NEWS = new Account("acme_news", "1001");
    private static final KeywordMatcher KEYWORDS = KeywordMatcher.of(KeywordFileReader.defaults());

    @TempDir
    static Path dir;

    private final List<String> steps = new CopyOnWriteArrayList<>();
    private final MutableClock clock = MutableClock.at(T0);
    private OptOutRegistry optOuts;
    private ConsentRegistry consents;

    @Override
    protected StoreConfig storeConfig() {
        return TestStores.h2(dir);
    }

    @BeforeEach
    void setUp() {
        sql("DELETE FROM optout_notices", "DELETE FROM optout_events", "DELETE FROM consent_events");
        steps.clear();
        consents = new ConsentRegistry(db, clock, ConsentSettings.defaults("acme-bots-dev"));
        optOuts = new OptOutRegistry(db, clock, OptOutSettings.defaults(), consents);
    }

    private boolean recorded() {
        return new OptOutRegistry(db, clock, OptOutSettings.defaults(), consents)
                .status(ANA.id())
                .suppressed("acme_news");
    }

    private OptOutKeywordStep step(QueuedActions queued) {
        Function<ActionRequest, ActionResult> dispatcher = r -> {
            steps.add("send " + r.kind() + (recorded() ? " after the record" : " BEFORE the record"));
            return new ActionResult.Sent("9001");
        };
        return new OptOutKeywordStep(
                () -> KEYWORDS, optOuts, consents, new ComplianceReplies(dispatcher, clock), queued);
    }

    private static InboundEvent dm(String id, String text) {
        return new InboundEvent.MessageEvent(NEWS, new DirectMessage(id, ANA, text, T0));
    }

    private static InboundEvent mention(String id, String text) {
        return new InboundEvent.MentionEvent(NEWS, new Mention(id, ANA, text, T0));
    }

    @Test
    void theOptOutIsDurableBeforeWaitingActionsAreCancelledAndBeforeTheConfirmation() {
        OptOutKeywordStep step = step(user -> {
            steps.add("cancel " + user + (recorded() ? " after the record" : " BEFORE the record"));
            return 2;
        });

        assertThat(step.handle(dm("700", "STOP"))).isEqualTo(InboundStep.Outcome.CONSUMED);

        assertThat(steps).containsExactly("cancel 2001 after the record", "send DIRECT_MESSAGE after the record");
    }

    @Test
    void waitingActionsAreCancelledForAMaybeOptOutTooButNotForHelpOrOrdinaryMessages() {
        List<String> cancelled = new CopyOnWriteArrayList<>();
        OptOutKeywordStep step = step(user -> {
            cancelled.add(user);
            return 0;
        });

        step.handle(mention("500", "@acme_news help"));
        assertThat(step.handle(mention("501", "@acme_news thanks for the release")))
                .isEqualTo(InboundStep.Outcome.CONTINUE);
        assertThat(cancelled).isEmpty();

        step.handle(mention("502", "@acme_news stpo"));
        assertThat(cancelled).containsExactly("2001");
    }

    @Test
    void aQueueThatFailsDoesNotStopTheOptOutOrItsConfirmation() {
        OptOutKeywordStep step = step(user -> {
            throw new IllegalStateException("queue unreachable");
        });

        step.handle(dm("700", "STOP"));

        assertThat(recorded()).isTrue();
        assertThat(steps).containsExactly("send DIRECT_MESSAGE after the record");
    }

    @Test
    void whenTheStoreIsDownTheStepThrowsAndSendsNothing() {
        Database broken = Database.open(TestStores.h2(dir.resolve("broken")));
        broken.migrate();
        ConsentRegistry c = new ConsentRegistry(broken, clock, ConsentSettings.defaults("acme-bots-dev"));
        OptOutRegistry o = new OptOutRegistry(broken, clock, OptOutSettings.defaults(), c);
        broken.close();
        OptOutKeywordStep step = new OptOutKeywordStep(
                () -> KEYWORDS,
                o,
                c,
                new ComplianceReplies(
                        r -> {
                            steps.add("send");
                            return new ActionResult.Sent("1");
                        },
                        clock),
                QueuedActions.NONE);

        assertThatThrownBy(() -> step.handle(dm("700", "STOP"))).isInstanceOf(StoreException.class);
        assertThat(steps).isEmpty();
    }

    @Test
    void aReplyThatMentionsSomeoneIsNeverSentAsAComplianceMessage() {
        ComplianceReplies replies = new ComplianceReplies(
                r -> {
                    steps.add("send");
                    return new ActionResult.Sent("1");
                },
                clock);

        assertThat(replies.answer(dm("700", "HELP"), "Ask @acme_support for help."))
                .isEmpty();
        assertThat(steps).isEmpty();
    }
}
