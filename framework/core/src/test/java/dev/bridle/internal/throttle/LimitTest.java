package dev.bridle.internal.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LimitTest {

    @Test
    void limitsAreWrittenAsCountPerSpan() {
        assertThat(Limit.parse("10 per hour")).isEqualTo(Limit.of(10, Duration.ofHours(1)));
        assertThat(Limit.parse(" 15 per 15 minutes ")).isEqualTo(Limit.of(15, Duration.ofMinutes(15)));
        assertThat(Limit.parse("2 PER 7 Days")).isEqualTo(Limit.of(2, Duration.ofDays(7)));
        assertThat(Limit.parse("1 per week")).isEqualTo(Limit.of(1, Duration.ofDays(7)));
        assertThat(Limit.of(50, Duration.ofDays(1))).hasToString("50 per day");
        assertThat(Limit.of(15, Duration.ofMinutes(15))).hasToString("15 per 15 minutes");
        assertThat(Limit.parse(Limit.of(3, Duration.ofSeconds(90)).toString()))
                .isEqualTo(Limit.of(3, Duration.ofSeconds(90)));
    }

    @Test
    void badLimitsSayHowToWriteThem() {
        assertThatThrownBy(() -> Limit.parse("ten per hour"))
                .hasMessage("'ten per hour' is not a limit; write it as '10 per hour' or '15 per 15 minutes'");
        assertThatThrownBy(() -> Limit.parse("10 per fortnight"))
                .hasMessageContaining("'fortnight' is not a span of time");
        assertThatThrownBy(() -> Limit.parse("0 per hour")).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> Limit.parse("1 per 0 seconds")).hasMessageContaining("must be positive");
        assertThat(Limit.parseSpan("30 seconds")).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void theWorstCaseWithinASpanIsTheBurstPlusTheRefill() {
        Limit tenAnHour = Limit.of(10, Duration.ofHours(1));
        assertThat(tenAnHour.mostWithin(Duration.ZERO)).isEqualTo(10);
        assertThat(tenAnHour.mostWithin(Duration.ofMinutes(6))).isEqualTo(11);
        assertThat(tenAnHour.mostWithin(Duration.ofHours(1))).isEqualTo(20);
        assertThat(tenAnHour.mostWithin(Duration.ofDays(1))).isEqualTo(250);
        assertThat(Limit.of(Long.MAX_VALUE, Duration.ofNanos(1)).mostWithin(Duration.ofDays(1)))
                .isEqualTo(Long.MAX_VALUE);
    }
}
