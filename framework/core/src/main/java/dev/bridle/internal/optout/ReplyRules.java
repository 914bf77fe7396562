package dev.bridle.internal.optout;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextParser;
import java.util.ArrayList;
import java.util.List;

/**
 * What a reply text in the keyword file must be. It fits in a post, and the replies that follow an opt-out or a
 * maybe-opt-out carry no links, hashtags or mentions: the FCC allows one confirmation and nothing else (no marketing).
 */
final class ReplyRules {

    /** The most characters a reply may have, as X counts them (twitter-text's weighted length). */
    static final int MAX_LENGTH = 280;

    private static final Extractor EXTRACTOR = new Extractor();

    private ReplyRules() {}

    /** What is wrong with the {@code key} reply {@code text}; empty when nothing is. */
    static List<String> problems(String key, String text) {
        List<String> problems = new ArrayList<>(2);
        int length = TwitterTextParser.parseTweet(text).weightedLength;
        if (length > MAX_LENGTH) {
            problems.add("is " + length + " characters long as X counts them; expected at most " + MAX_LENGTH);
        }
        boolean mayLink = key.equals("help");
        if (!mayLink
                && (!EXTRACTOR.extractURLs(text).isEmpty()
                        || !EXTRACTOR.extractHashtags(text).isEmpty()
                        || !EXTRACTOR.extractMentionedScreennames(text).isEmpty())) {
            problems.add("contains a link, hashtag or mention; the " + key
                    + " reply confirms and says nothing else (no marketing)");
        }
        return problems;
    }

    /** Whether {@code text} contains the words {@code keys}, in a row. */
    static boolean names(NormalisedMessage text, String[] keys) {
        for (int start = 0; start + keys.length <= text.size; start++) {
            int matched = 0;
            while (matched < keys.length && text.keys[start + matched].equals(keys[matched])) {
                matched++;
            }
            if (matched == keys.length) {
                return true;
            }
        }
        return false;
    }
}
