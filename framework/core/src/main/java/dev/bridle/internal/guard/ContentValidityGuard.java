package dev.bridle.internal.guard;

import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.Rule;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Guard;
import dev.bridle.guard.Verdict;
import java.text.Normalizer;
import java.util.Optional;

/**
 * Refuses text the platform would refuse (rule {@link Rule#PLATFORM_CONTENT}): empty or blank text, posts and replies
 * over 280 weighted characters as twitter-text counts them (URLs count 23, most CJK characters and emoji count 2),
 * characters twitter-text rejects, and direct messages over 10,000 characters.
 */
public final class ContentValidityGuard implements Guard {

    /** The platform's limit on direct message length, in characters. */
    public static final int MAX_DIRECT_MESSAGE_LENGTH = 10_000;

    /** The platform's limit on post length, in weighted characters. */
    public static final int MAX_WEIGHTED_POST_LENGTH = 280;

    /** Characters below this take the quick path: no emoji, nothing twitter-text refuses. */
    static final char QUICK_PATH_LIMIT = '\u2000';

    private static final TwitterTextConfiguration CONFIG = TwitterTextParser.TWITTER_TEXT_DEFAULT_CONFIG;
    /** The configuration's weight of each character below {@link #QUICK_PATH_LIMIT}, scaled. */
    private static final int[] WEIGHTS = new int[QUICK_PATH_LIMIT];

    static {
        // twitter-text builds its patterns on first use, which takes longer than a guard's budget
        TwitterTextParser.parseTweet("warm up https://example.com @bridle #start");
        for (int c = 0; c < WEIGHTS.length; c++) {
            int weight = CONFIG.getDefaultWeight();
            for (TwitterTextConfiguration.TwitterTextWeightedRange range : CONFIG.getRanges()) {
                if (range.getRange().isInRange(c)) {
                    weight = range.getWeight();
                    break;
                }
            }
            WEIGHTS[c] = weight;
        }
    }

    @Override
    public Optional<Rule> rule() {
        return Optional.of(Rule.PLATFORM_CONTENT);
    }

    @Override
    public String name() {
        return "content";
    }

    @Override
    public Verdict check(ActionRequest request) {
        if (!request.kind().carriesText()) {
            return Verdict.allow();
        }
        String text = request.text();
        if (text.isBlank()) {
            return Verdict.deny(ReasonCode.EMPTY_TEXT, "the text is empty");
        }
        if (request.kind() == ActionKind.DIRECT_MESSAGE) {
            int length = text.codePointCount(0, text.length());
            return length > MAX_DIRECT_MESSAGE_LENGTH
                    ? Verdict.deny(
                            ReasonCode.TEXT_TOO_LONG,
                            "the message is " + length + " characters; the limit is " + MAX_DIRECT_MESSAGE_LENGTH)
                    : Verdict.allow();
        }
        if (surelyWithinLimits(text)) {
            return Verdict.allow();
        }
        TwitterTextParseResults parsed = TwitterTextParser.parseTweet(text);
        if (parsed.weightedLength > MAX_WEIGHTED_POST_LENGTH) {
            return Verdict.deny(
                    ReasonCode.TEXT_TOO_LONG,
                    "the text is " + parsed.weightedLength + " weighted characters; the limit is "
                            + MAX_WEIGHTED_POST_LENGTH);
        }
        if (!parsed.isValid) {
            return Verdict.deny(ReasonCode.INVALID_TEXT, "the text holds characters the platform refuses");
        }
        return Verdict.allow();
    }

    /**
     * Whether twitter-text would certainly find {@code text} valid and within the limit, decided without parsing it:
     * twitter-text's parse takes about half a millisecond (its emoji pattern runs over the whole text), most of a
     * guarded post's decision time. True only when every character is below {@link #QUICK_PATH_LIMIT} (so no emoji and
     * none of the characters twitter-text refuses), the text is already NFC, and its weight stays within the limit even
     * counting a 23-character URL on top of the characters for every dot followed by a letter (a URL needs a top-level
     * domain, which starts with a letter after a dot). Anything else is parsed; {@code ContentValidityGuardTest} checks
     * that both ways agree.
     */
    static boolean surelyWithinLimits(String text) {
        long limit = (long) CONFIG.getMaxWeightedTweetLength() * CONFIG.getScale();
        long url = (long) CONFIG.getTransformedURLLength() * CONFIG.getScale();
        long weight = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= QUICK_PATH_LIMIT) {
                return false;
            }
            weight += WEIGHTS[c];
            if (c == '.' && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1))) {
                weight += url;
            }
            if (weight > limit) {
                return false;
            }
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC);
    }
}
