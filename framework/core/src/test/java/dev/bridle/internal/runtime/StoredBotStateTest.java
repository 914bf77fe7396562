package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.internal.people.FactScreen;
import dev.bridle.internal.store.BotStateStore;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StoredBotStateTest {

    /** The store's own behaviour has its contract tests on H2 and PostgreSQL; here only what StoredBotState adds. */
    private final Map<String, String> rows = new HashMap<>();

    private final BotStateStore store = new BotStateStore() {
        @Override
        public Optional<String> get(String bot, String key) {
            return Optional.ofNullable(rows.get(bot + "/" + key));
        }

        @Override
        public void put(String bot, String key, String value) {
            rows.put(bot + "/" + key, value);
        }

        @Override
        public void remove(String bot, String key) {
            rows.remove(bot + "/" + key);
        }
    };

    /** Refuses "diabetes" as health, as the real screen would; the screen's judgement has its own tests. */
    private final StoredBotState state = new StoredBotState(
            "support",
            store,
            (key, value) -> value.contains("diabetes")
                    ? Optional.of(new FactScreen.Sensitive("health", List.of("diabetes")))
                    : Optional.empty());

    @Test
    void theBotsOwnDataIsKept() {
        state.put("cursor", "1789000000000000001");
        state.put("next-note", "3");

        assertThat(state.get("cursor")).hasValue("1789000000000000001");
        assertThat(rows).containsKey("support/next-note");
    }

    @Test
    void aKeyNamingAPersonIsRefusedAndPointsToPeople() {
        assertThatThrownBy(() -> state.put("last-reply-to-2001234", "yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ctx.people()")
                .hasMessageNotContaining("2001234");
        assertThatThrownBy(() -> state.put("mood:@anna", "grumpy")).hasMessageContaining("a handle");
        assertThatThrownBy(() -> state.get("seen-2001234")).isInstanceOf(IllegalArgumentException.class);
        assertThat(rows).isEmpty();
    }

    @Test
    void aStateValueGoesThroughTheFactsScreen() {
        assertThatThrownBy(() -> state.put("note", "customer mentioned diabetes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("health")
                .hasMessageNotContaining("customer mentioned");
        assertThat(rows).isEmpty();
    }
}
