package dev.bridle.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scripted context refuses what a running bot's context refuses. */
class ScriptedBotContextTest {

    private final ScriptedBotContext ctx = ScriptedBotContext.forBot("support-notes");

    /** Its aggregates had no label rule, so a bot's test passed with a name the runtime refuses. */
    @Test
    void aggregatesRefuseANameOrLabelTheRuntimeRefuses() {
        assertThatThrownBy(() -> ctx.aggregates().increment("questions-about-posts", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not an aggregate name");
        assertThatThrownBy(() -> ctx.aggregates().increment("mentions", Map.of("handle", "ana")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no identifiers");

        ctx.aggregates().increment("mentions", Map.of("language", "de"));
        assertThat(ctx.aggregates().count("mentions", Map.of("language", "de"))).isEqualTo(1);
    }
}
