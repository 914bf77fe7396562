package dev.bridle.internal.throttle;

import static dev.bridle.internal.throttle.Actions.ACME;
import static dev.bridle.internal.throttle.Actions.BETA;
import static dev.bridle.internal.throttle.Actions.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import dev.bridle.sandbox.MutableClock;
import java.util.List;
import org.junit.jupiter.api.Test;

class OneReplyPerInteractionGuardTest {

    private final MutableClock clock = MutableClock.at(T0);
    private final OneReplyPerInteractionGuard guard =
            new OneReplyPerInteractionGuard(new InMemoryAnsweredInteractions(), clock);

    @Test
    void anInteractionGetsOneAutomatedAnswerWhicheverAccountSendsIt() {
        ActionRequest first = Actions.reply(ACME, "42", "m1");
        assertThat(guard.check(first)).isEqualTo(Verdict.allow());
        guard.confirm(first, "1789");

        Verdict second = guard.check(Actions.reply(BETA, "42", "m1"));

        assertThat(second).isInstanceOfSatisfying(Verdict.Deny.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.ALREADY_ANSWERED);
            assertThat(d.message()).contains("m1");
        });
        assertThat(guard.check(Actions.reply(ACME, "42", "m2"))).isEqualTo(Verdict.allow());
    }

    @Test
    void aDirectMessageAnsweringTheSameInteractionIsASecondAnswer() {
        assertThat(guard.check(Actions.reply(ACME, "42", "m1"))).isEqualTo(Verdict.allow());
        ActionRequest dm = Actions.request(
                BETA,
                ActionKind.DIRECT_MESSAGE,
                "hi",
                Actions.directMessage(BETA, "42").targets(),
                null,
                "m1");
        assertThat(guard.check(dm)).isInstanceOf(Verdict.Deny.class);
    }

    @Test
    void anAnswerThatWasNotSentLetsAnotherOneGo() {
        ActionRequest notSent = Actions.reply(ACME, "42", "m1");
        assertThat(guard.check(notSent)).isEqualTo(Verdict.allow());
        ActionRequest refused = Actions.reply(BETA, "42", "m1");
        assertThat(guard.check(refused)).isInstanceOf(Verdict.Deny.class);
        guard.release(refused); // the chain releases the refusing guard too: it must not free the other's claim
        assertThat(guard.check(Actions.reply(BETA, "42", "m1"))).isInstanceOf(Verdict.Deny.class);

        guard.release(notSent);

        assertThat(guard.check(Actions.reply(BETA, "42", "m1"))).isEqualTo(Verdict.allow());
    }

    @Test
    void theSameRequestCheckedAgainStillHoldsItsClaim() {
        ActionRequest request = Actions.reply(ACME, "42", "m1");
        assertThat(guard.check(request)).isEqualTo(Verdict.allow());
        assertThat(guard.check(request)).isEqualTo(Verdict.allow());
    }

    @Test
    void actionsAnsweringNothingOrCarryingNoTextAreNotAnswers() {
        for (int i = 0; i < 3; i++) {
            assertThat(guard.check(Actions.reply(ACME, "42", null))).isEqualTo(Verdict.allow());
            assertThat(guard.check(Actions.request(ACME, ActionKind.LIKE, null, List.of(), null, "m1")))
                    .isEqualTo(Verdict.allow());
        }
    }
}
