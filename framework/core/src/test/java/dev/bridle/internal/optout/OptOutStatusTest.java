package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.Evidence;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OptOutStatusTest {

    private static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");
    private long seq;

    private OptOutEvent event(OptOutEventType type, String account) {
        seq++;
        return new OptOutEvent(
                seq,
                new UUID(0, seq),
                "2001",
                "acme-bots-dev",
                account,
                type,
                T0.plusSeconds(seq),
                Evidence.inbound(Channel.DIRECT_MESSAGE, Long.toString(900 + seq), "STOP"),
                Trigger.NONE);
    }

    private static OptOutStatus status(OptOutEvent... events) {
        return OptOutStatus.of("2001", List.of(events));
    }

    @Test
    void nothingOnRecordSuppressesNothing() {
        assertThat(status().suppressed("acme_help")).isFalse();
    }

    @Test
    void anOperatorWideOptOutSuppressesEveryAccount() {
        OptOutEvent stop = event(OptOutEventType.OPTED_OUT, "*");

        assertThat(status(stop).suppression("acme_help")).contains(stop);
        assertThat(status(stop).suppression("acme_news")).contains(stop);
    }

    @Test
    void anAccountOptOutSuppressesOnlyThatAccount() {
        OptOutEvent stop = event(OptOutEventType.OPTED_OUT, "acme_help");

        assertThat(status(stop).suppressed("ACME_HELP")).isTrue();
        assertThat(status(stop).suppressed("acme_news")).isFalse();
    }

    @Test
    void aSuspicionSuppressesAndAConfirmingStopTakesItsPlace() {
        OptOutEvent maybe = event(OptOutEventType.SUSPECTED, "*");
        OptOutEvent stop = event(OptOutEventType.OPTED_OUT, "*");

        assertThat(status(maybe).suppression("acme_help")).contains(maybe);
        assertThat(status(maybe, stop).suppression("acme_help")).contains(stop);
        assertThat(status(stop, event(OptOutEventType.SUSPECTED, "*")).suppression("acme_help"))
                .as("a later suspicion never weakens an opt-out")
                .contains(stop);
    }

    @Test
    void anOptInForEveryAccountLiftsEverything() {
        OptOutStatus s = status(
                event(OptOutEventType.OPTED_OUT, "*"),
                event(OptOutEventType.OPTED_OUT, "acme_help"),
                event(OptOutEventType.OPTED_IN, "*"));

        assertThat(s.suppressed("acme_help")).isFalse();
        assertThat(s.suppressions()).isEmpty();
    }

    @Test
    void anOptInForOneAccountNeverLiftsAnOptOutOfEveryAccount() {
        OptOutStatus s = status(event(OptOutEventType.OPTED_OUT, "*"), event(OptOutEventType.OPTED_IN, "acme_help"));

        assertThat(s.suppressed("acme_help")).isTrue();
        assertThat(s.liftableBy("acme_help")).isFalse();
        assertThat(s.liftableBy("*")).isTrue();
    }

    @Test
    void theEpisodeIsTheLastOptInThatClearedTheKey() {
        OptOutEvent in = event(OptOutEventType.OPTED_IN, "*");
        OptOutEvent helpIn = event(OptOutEventType.OPTED_IN, "acme_help");
        OptOutStatus s = status(event(OptOutEventType.OPTED_OUT, "*"), in, helpIn);

        assertThat(s.episode("*")).isEqualTo(in.seq());
        assertThat(s.episode("acme_help")).isEqualTo(helpIn.seq());
        assertThat(s.episode("acme_news")).isEqualTo(in.seq());
        assertThat(status().episode("*")).isZero();
    }
}
