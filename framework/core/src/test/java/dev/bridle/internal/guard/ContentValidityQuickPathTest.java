package dev.bridle.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The content guard decides most posts without twitter-text's parse (bench/RESULTS.md, point 2: the parse was half of a
 * post's decision time). Its quick path must never allow what the parse would refuse.
 */
class ContentValidityQuickPathTest {

    /**
     * Pieces posts are made of, the awkward ones included: links with and without a scheme, short links, dots before
     * digits and letters, wide and combining characters, emoji.
     */
    private static final List<String> PIECES = List.of(
            "a",
            "release",
            "Zürich",
            "ünïcödé",
            " ",
            "  ",
            "\n",
            "2.4.0",
            "v1.2",
            "x.co",
            "t.co/abc",
            "https://example.com/" + "p".repeat(40),
            "http://a.b",
            "www.bridle.dev",
            "bridle.dev/x?y=1",
            "e.g.",
            "end.",
            "U.S.A",
            ".",
            "#tag",
            "@ann",
            "漢字",
            "한국",
            "ᄀ",
            "e\u0301",
            "🔥",
            "👍🏽",
            "\u00A9",
            "...",
            "$9.99",
            "рф.рф",
            "пример.рф",
            "\u1100\u1161",
            "\u0958",
            "ß",
            "İ");

    @Provide
    Arbitrary<String> posts() {
        return Arbitraries.of(PIECES).list().ofMinSize(1).ofMaxSize(120).map(parts -> String.join("", parts));
    }

    @Property(tries = 3_000)
    void theQuickPathAllowsOnlyWhatTwitterTextAllows(@ForAll("posts") String text) {
        Assume.that(!text.isBlank()); // the guard refuses blank text before either path
        if (ContentValidityGuard.surelyWithinLimits(text)) {
            TwitterTextParseResults parsed = TwitterTextParser.parseTweet(text);
            assertThat(parsed.isValid).as(text).isTrue();
            assertThat(parsed.weightedLength)
                    .as(text)
                    .isLessThanOrEqualTo(ContentValidityGuard.MAX_WEIGHTED_POST_LENGTH);
        }
    }

    @Test
    void ordinaryPostsTakeTheQuickPath() {
        assertThat(ContentValidityGuard.surelyWithinLimits(
                        "Release 2.4.0 is out: faster start-up, fewer surprises. Notes at https://bridle.dev/r/2.4.0"))
                .isTrue();
        assertThat(ContentValidityGuard.surelyWithinLimits("Grüße aus Zürich, à bientôt!"))
                .isTrue();
    }

    @Test
    void whatItCannotVouchForIsParsed() {
        assertThat(ContentValidityGuard.surelyWithinLimits("fire 🔥")).isFalse();
        assertThat(ContentValidityGuard.surelyWithinLimits("a".repeat(281))).isFalse();
        assertThat(ContentValidityGuard.surelyWithinLimits("x.co ".repeat(12))).isFalse(); // twelve links weigh 23 each
        assertThat(ContentValidityGuard.surelyWithinLimits("e\u0301")).isFalse(); // not NFC
        assertThat(ContentValidityGuard.surelyWithinLimits("hello \uFFFE")).isFalse();
    }
}
