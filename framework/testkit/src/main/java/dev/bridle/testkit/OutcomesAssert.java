package dev.bridle.testkit;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.ReasonCode;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a {@link TestBridle} did, phrased as a bot's README would say it:
 *
 * <pre>{@code
 * assertThat(bridle).replied().to("ana").withTextContaining("@ana");
 * assertThat(bridle).denied("REPLY").to("ben").because(ReasonCode.NO_CONSENT);
 * assertThat(bridle).sentNothingTo("ben");
 * }</pre>
 *
 * A failure lists every outcome so far, so the test says what happened instead.
 */
public final class OutcomesAssert extends AbstractAssert<OutcomesAssert, List<Outcome>> {

    OutcomesAssert(List<Outcome> outcomes) {
        super(outcomes, OutcomesAssert.class);
    }

    /** Replies that were sent. */
    public Selection replied() {
        return new Selection(this, "a sent reply", o -> o.sent() && "REPLY".equals(o.kind()));
    }

    /** Posts that were sent. */
    public Selection posted() {
        return new Selection(this, "a sent post", o -> o.sent() && "POST".equals(o.kind()));
    }

    /** Direct messages that were sent. */
    public Selection sentDirectMessage() {
        return new Selection(this, "a sent direct message", o -> o.sent() && "DIRECT_MESSAGE".equals(o.kind()));
    }

    /** Actions of {@code kind} ({@code REPLY}, {@code POST}, {@code DIRECT_MESSAGE}, ...) that were denied. */
    public Selection denied(String kind) {
        return new Selection(this, "a denied " + kind, o -> o.event() == LedgerEvent.DENIED && kind.equals(o.kind()));
    }

    /** Actions of {@code kind} that were deferred to later. */
    public Selection deferred(String kind) {
        return new Selection(
                this, "a deferred " + kind, o -> o.event() == LedgerEvent.DEFERRED && kind.equals(o.kind()));
    }

    /** Nothing at all reached {@code handle}. */
    public OutcomesAssert sentNothingTo(String handle) {
        isNotNull();
        List<Outcome> reached =
                actual.stream().filter(o -> o.sent() && o.reaches(handle)).toList();
        if (!reached.isEmpty()) {
            failWithMessage("expected nothing sent to @%s, but:%n%s", handle, listing(reached));
        }
        return this;
    }

    /** Nothing was sent to anyone. */
    public OutcomesAssert sentNothing() {
        isNotNull();
        List<Outcome> sent = actual.stream().filter(Outcome::sent).toList();
        if (!sent.isEmpty()) {
            failWithMessage("expected nothing sent, but:%n%s", listing(sent));
        }
        return this;
    }

    static String listing(List<Outcome> outcomes) {
        return outcomes.isEmpty()
                ? "  (no outcome yet)"
                : outcomes.stream().map(o -> "  " + o).collect(Collectors.joining(System.lineSeparator()));
    }

    /** Outcomes of one kind, narrowed to one person with {@link #to}. */
    public static final class Selection {
        private final OutcomesAssert outcomes;
        private final String what;
        private final Predicate<Outcome> matches;

        Selection(OutcomesAssert outcomes, String what, Predicate<Outcome> matches) {
            this.outcomes = outcomes;
            this.what = what;
            this.matches = matches;
        }

        /** The last such outcome that reached {@code handle}; fails when there is none. */
        public OutcomeAssert to(String handle) {
            return pick(o -> o.reaches(handle), what + " to @" + handle);
        }

        /** The last such outcome, to anyone; fails when there is none. */
        public OutcomeAssert any() {
            return pick(o -> true, what);
        }

        private OutcomeAssert pick(Predicate<Outcome> also, String description) {
            outcomes.isNotNull();
            List<Outcome> found =
                    outcomes.actual.stream().filter(matches.and(also)).toList();
            if (found.isEmpty()) {
                outcomes.failWithMessage(
                        "expected %s, but the outcomes were:%n%s", description, listing(outcomes.actual));
            }
            return new OutcomeAssert(found.get(found.size() - 1), outcomes.actual);
        }
    }

    /** One outcome: its text and its reason. */
    public static final class OutcomeAssert extends AbstractAssert<OutcomeAssert, Outcome> {
        private final List<Outcome> all;

        OutcomeAssert(Outcome outcome, List<Outcome> all) {
            super(outcome, OutcomeAssert.class);
            this.all = all;
        }

        /** Its text, as the platform shows it, contains {@code part}. */
        public OutcomeAssert withTextContaining(String part) {
            if (actual.text() == null || !actual.text().contains(part)) {
                failWithMessage("expected the text of %s to contain \"%s\"", actual, part);
            }
            return this;
        }

        /** It was refused or deferred for {@code reason}. */
        public OutcomeAssert because(ReasonCode reason) {
            if (actual.reason() != reason) {
                failWithMessage(
                        "expected %s because of %s, but it was %s; all outcomes:%n%s",
                        actual, reason, actual.reason(), listing(all));
            }
            return this;
        }

        /** The bot that asked for it is {@code bot}. */
        public OutcomeAssert by(String bot) {
            if (!actual.bot().equals(bot)) {
                failWithMessage("expected %s to be by bot %s", actual, bot);
            }
            return this;
        }
    }
}
