package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EntryPatternTest {

    @Test
    void plainTextIsItself() {
        assertThat(EntryPattern.expand("  leave   me alone ")).containsExactly("leave me alone");
    }

    @Test
    void alternativesAndOptionalPartsExpandInOrder() {
        assertThat(EntryPattern.expand("stop (texting|messaging) me [again]"))
                .containsExactly(
                        "stop texting me again", "stop texting me", "stop messaging me again", "stop messaging me");
    }

    @Test
    void groupsNest() {
        assertThat(EntryPattern.expand("i want to (opt out|stop (getting|receiving) [your] texts)"))
                .containsExactly(
                        "i want to opt out",
                        "i want to stop getting your texts",
                        "i want to stop getting texts",
                        "i want to stop receiving your texts",
                        "i want to stop receiving texts");
    }

    @Test
    void duplicatesAreDropped() {
        assertThat(EntryPattern.expand("(a|a) b")).containsExactly("a b");
    }

    @Test
    void mistakesSayWhere() {
        assertThatThrownBy(() -> EntryPattern.expand("stop (texting"))
                .hasMessage("the '(' at character 6 is not closed by ')'");
        assertThatThrownBy(() -> EntryPattern.expand("stop texting)"))
                .hasMessageContaining("unexpected ')' at character 13");
        assertThatThrownBy(() -> EntryPattern.expand("(me )?stop"))
                .hasMessageContaining("'?' after a group at character 6 is not supported");
        assertThatThrownBy(() ->
                        EntryPattern.expand("(a|b|c|d|e|f|g|h|i|j) (a|b|c|d|e|f|g|h|i|j) (a|b|c|d|e|f|g|h|i|j) (x|y)"))
                .hasMessageContaining("more than 1000");
    }
}
