package dev.bridle.guard;

import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import dev.bridle.action.ActionKind;
import dev.bridle.action.ActionRequest;

/**
 * Refuses text the platform would refuse (rule {@link Rule#PLATFORM_CONTENT}): empty or blank
 * text, posts and replies over 280 weighted characters as twitter-text counts them (URLs count 23,
 * most CJK characters and emoji count 2), characters twitter-text rejects, and direct messages
 * over 10,000 characters.
 */
public final class ContentValidityGuard implements Guard {

    /** The platform's limit on direct message length, in characters. */
    public static final int MAX_DIRECT_MESSAGE_LENGTH = 10_000;

    /** The platform's limit on post length, in weighted characters. */
    public static final int MAX_WEIGHTED_POST_LENGTH = 280;

    static {
        // twitter-text builds its patterns on first use, which takes longer than a guard's budget
        TwitterTextParser.parseTweet("warm up https://example.com @bridle #start");
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
                    ? Verdict.deny(ReasonCode.TEXT_TOO_LONG,
                            "the message is " + length + " characters; the limit is " + MAX_DIRECT_MESSAGE_LENGTH)
                    : Verdict.allow();
        }
        TwitterTextParseResults parsed = TwitterTextParser.parseTweet(text);
        if (parsed.weightedLength > MAX_WEIGHTED_POST_LENGTH) {
            return Verdict.deny(ReasonCode.TEXT_TOO_LONG,
                    "the text is " + parsed.weightedLength + " weighted characters; the limit is " + MAX_WEIGHTED_POST_LENGTH);
        }
        if (!parsed.isValid) {
            return Verdict.deny(ReasonCode.INVALID_TEXT, "the text holds characters the platform refuses");
        }
        return Verdict.allow();
    }
}
