package dev.bridle.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.runtime.Requests;
import org.junit.jupiter.api.Test;

class ContentValidityGuardTest {

    private final ContentValidityGuard guard = new ContentValidityGuard();

    private ReasonCode denialOf(Verdict v) {
        return v instanceof Verdict.Deny d ? d.code() : null;
    }

    @Test
    void refusesEmptyAndBlankText() {
        assertThat(denialOf(guard.check(Requests.post("")))).isEqualTo(ReasonCode.EMPTY_TEXT);
        assertThat(denialOf(guard.check(Requests.post(" \n\t ")))).isEqualTo(ReasonCode.EMPTY_TEXT);
        assertThat(denialOf(guard.check(Requests.directMessage("42", "  ")))).isEqualTo(ReasonCode.EMPTY_TEXT);
    }

    @Test
    void allowsExactly280WeightedCharactersAndRefuses281() {
        assertThat(guard.check(Requests.post("a".repeat(280))).allows()).isTrue();

        Verdict v = guard.check(Requests.post("a".repeat(281)));
        assertThat(denialOf(v)).isEqualTo(ReasonCode.TEXT_TOO_LONG);
        assertThat(((Verdict.Deny) v).message()).contains("281 weighted characters", "limit is 280");
    }

    @Test
    void countsALongUrlAs23() {
        String url = "https://example.com/" + "x".repeat(300);
        assertThat(guard.check(Requests.post("a".repeat(256) + " " + url)).allows())
                .isTrue();
    }

    @Test
    void countsCjkCharactersDouble() {
        assertThat(guard.check(Requests.post("漢".repeat(140))).allows()).isTrue();
        assertThat(denialOf(guard.check(Requests.post("漢".repeat(141))))).isEqualTo(ReasonCode.TEXT_TOO_LONG);
    }

    @Test
    void directMessagesMayBeLongerThanPosts() {
        assertThat(guard.check(Requests.directMessage("42", "a".repeat(10_000))).allows())
                .isTrue();
        assertThat(denialOf(guard.check(Requests.directMessage("42", "a".repeat(10_001)))))
                .isEqualTo(ReasonCode.TEXT_TOO_LONG);
    }

    @Test
    void refusesCharactersThePlatformRefuses() {
        assertThat(denialOf(guard.check(Requests.post("hello \uFFFE")))).isEqualTo(ReasonCode.INVALID_TEXT);
    }

    @Test
    void actionsWithoutTextPass() {
        assertThat(guard.check(Requests.follow("42")).allows()).isTrue();
    }
}
