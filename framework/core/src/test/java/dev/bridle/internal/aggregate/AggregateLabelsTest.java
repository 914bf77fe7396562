package dev.bridle.internal.aggregate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class AggregateLabelsTest {

    @Test
    void labelsAreCanonicalWhateverTheirOrder() {
        assertThat(AggregateLabels.canonical("replies", Map.of("topic", "shipping", "language", "de")))
                .isEqualTo("language=de,topic=shipping");
    }

    @Test
    void aLabelNamedForAPersonIsRefused() {
        assertThatThrownBy(() -> AggregateLabels.canonical("replies", Map.of("user", "anna")))
                .hasMessageContaining("label 'user'")
                .hasMessageContaining("holds a person")
                .hasMessageNotContaining("anna");
    }

    @Test
    void aHandleIsRefusedAndNotRepeated() {
        assertThatThrownBy(() -> AggregateLabels.canonical("replies", Map.of("from", "@anna_k")))
                .hasMessageContaining("handle")
                .hasMessageNotContaining("anna_k");
    }

    @Property
    void anyValueHoldingAnIdIsRefused(
            @ForAll @AlphaChars @StringLength(max = 10) String before,
            @ForAll @IntRange(min = 10_000, max = Integer.MAX_VALUE) int id,
            @ForAll @AlphaChars @StringLength(max = 10) String after) {
        String value = before + id + after;
        assertThatThrownBy(() -> AggregateLabels.canonical("replies", Map.of("topic", value)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("long number")
                .hasMessageNotContaining(String.valueOf(id));
    }

    @Property
    void shortWordsAndSmallNumbersAreAllowed(
            @ForAll @AlphaChars @StringLength(min = 1, max = 20) String word, @ForAll @IntRange(max = 9_999) int n) {
        assertThat(AggregateLabels.canonical("replies", Map.of("topic", word, "hour", String.valueOf(n))))
                .contains("topic=" + word);
    }

    @Test
    void tooManyLabelsOrBadNamesAreRefused() {
        assertThatThrownBy(() -> AggregateLabels.canonical(
                        "replies", Map.of("a", "1", "b", "1", "c", "1", "d", "1", "e", "1", "f", "1")))
                .hasMessageContaining("at most 5");
        assertThatThrownBy(() -> AggregateLabels.canonical("Replies!", Map.of()))
                .hasMessageContaining("not an aggregate name");
    }
}
