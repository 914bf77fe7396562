package dev.bridle.internal.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> KEYS = ConfigReader.ROOT_KEYS;

    @Test
    void suggestsTheNearestKeyForASlip() {
        assertThat(Suggestions.closest("enviroment", KEYS)).contains("environment");
        assertThat(Suggestions.closest("dryrun", KEYS)).contains("dryRun");
        assertThat(Suggestions.closest("acounts", KEYS)).contains("accounts");
        assertThat(Suggestions.closest("bost", KEYS)).contains("bots");
    }

    @Test
    void suggestsNothingForAWordFarFromEvery() {
        assertThat(Suggestions.closest("webhooks", KEYS)).isEmpty();
        assertThat(Suggestions.closest("x", List.of("ab"))).isEmpty();
    }

    @Test
    void countsATranspositionAsOneEdit() {
        assertThat(Suggestions.distance("clsas", "class")).isEqualTo(1);
    }
}
