package dev.bridle.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    @Test
    void readsTheShortFormsAndIso() {
        assertThat(Intervals.parse("30s")).contains(Duration.ofSeconds(30));
        assertThat(Intervals.parse("15m")).contains(Duration.ofMinutes(15));
        assertThat(Intervals.parse("2h")).contains(Duration.ofHours(2));
        assertThat(Intervals.parse("1d")).contains(Duration.ofDays(1));
        assertThat(Intervals.parse("PT1H30M")).contains(Duration.ofMinutes(90));
        assertThat(Intervals.parse("15 m")).isEmpty();
        assertThat(Intervals.parse("15M")).isEmpty();
        assertThat(Intervals.parse("1w")).isEmpty();
    }

    @Test
    void formatsInTheLargestWholeUnit() {
        assertThat(Intervals.format(Duration.ofSeconds(20))).isEqualTo("20s");
        assertThat(Intervals.format(Duration.ofMinutes(90))).isEqualTo("90m");
        assertThat(Intervals.format(Duration.ofHours(48))).isEqualTo("2d");
        assertThat(Intervals.format(Duration.ofMillis(1500))).isEqualTo("PT1.5S");
    }

    @Property
    void formatReadsBack(@ForAll @LongRange(min = 1, max = 999_999_999L) long seconds) {
        Duration interval = Duration.ofSeconds(seconds);

        assertThat(Intervals.parse(Intervals.format(interval))).contains(interval);
    }
}
