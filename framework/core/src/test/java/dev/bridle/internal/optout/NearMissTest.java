package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearMissTest {

    @ParameterizedTest(name = "{0} ~ {1}")
    @CsvSource({
        "stopppp, stop", // repeated letters
        "sstop, stop",
        "ennnd, end",
        "stpo, stop", // swapped neighbours
        "sotp, stop",
        "stoo, stop", // QWERTY neighbour
        "atop, stop",
        "stopo, stop", // fat finger: an extra key next to one of its neighbours
        "unsubscirbe, unsubscribe",
        "unsubcribe, unsubscribe",
        "unsuscrbe, unsubscribe", // two edits, long keyword
        "cancle, cancel",
        "revoek, revoke",
        "desabonne, desabonner",
    })
    void nearMisses(String typed, String keyword) {
        assertThat(NearMiss.near(typed, keyword)).isTrue();
    }

    @ParameterizedTest(name = "{0} !~ {1}")
    @CsvSource({
        "stop, stop", // exact is not a near miss
        "and, end", // short keywords only by repeated letters
        "send, end",
        "shop, stop", // h is not next to t
        "step, stop",
        "top, stop", // a missing letter is not enough for four letters
        "stat, stop",
        "cancer, canned",
        "quite, quit",
        "unsubstantial, unsubscribe",
    })
    void notNearMisses(String typed, String keyword) {
        assertThat(NearMiss.near(typed, keyword)).isFalse();
    }

    @ParameterizedTest(name = "{0},{1} adjacent={2}")
    @CsvSource({
        "a, q, true",
        "a, w, true",
        "a, s, true",
        "a, z, true",
        "a, e, false",
        "t, g, true",
        "t, h, false",
        "p, o, true",
        "p, l, true",
        "m, n, true",
        "m, k, true",
        "z, d, false"
    })
    void qwertyNeighbours(char a, char b, boolean adjacent) {
        assertThat(NearMiss.adjacentKeys(a, b)).isEqualTo(adjacent);
        assertThat(NearMiss.adjacentKeys(b, a)).isEqualTo(adjacent);
    }

    @ParameterizedTest(name = "{0} affix {1} = {2}")
    @CsvSource({
        "stopplease, stop, true",
        "pleasestop, stop, true",
        "stop2quit, stop, true",
        "nonstopper, stop, false",
        "endless, end, false",
        "stopstopstopstop, stop, false"
    })
    void prefixOrSuffix(String typed, String keyword, boolean expected) {
        assertThat(NearMiss.prefixOrSuffix(typed, keyword, 8)).isEqualTo(expected);
    }
}
