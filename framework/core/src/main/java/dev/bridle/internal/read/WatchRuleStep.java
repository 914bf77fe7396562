package dev.bridle.internal.read;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * No surveillance, no profiling, no measuring the service: a search query or a stream rule is classified before it is
 * sent ({@link QueryScreen}), and one that tracks sensitive events or groups, profiles one person or counts the
 * platform is refused, citing its rule (X Developer Policy, more about restricted uses). The refusal names what
 * matched, with the person a profiling query points at left out ({@code from:…}): the refusal goes to the ledger, which
 * keeps no handle the bot merely tried to watch.
 */
public final class WatchRuleStep implements ReadStep {

    /** An operator that names an account or a post, or an {@code @handle}: the operator is kept, the name is not. */
    private static final Pattern NAMES_SOMEONE = Pattern.compile(
            "(?i)^(-?(?:from|to|retweets_of|in_reply_to_tweet_id|conversation_id|quotes_of_tweet_id|list|url):|-?@)\\S+$");

    private final QueryScreen screen;

    public WatchRuleStep(QueryScreen screen) {
        this.screen = Objects.requireNonNull(screen, "screen");
    }

    @Override
    public String name() {
        return "WatchRuleStep";
    }

    @Override
    public String rule() {
        return "no tracking of sensitive events or groups, no profiling of one person, no measuring the platform";
    }

    /** {@code term}, with the account or post it names replaced by {@code …}. */
    static String withoutName(String term) {
        return NAMES_SOMEONE.matcher(term).replaceFirst("$1…");
    }

    @Override
    public Optional<ReadRefusal> check(ReadRequest request) {
        if (!request.kind().watched()) {
            return Optional.empty();
        }
        String what = request.kind() == ReadKind.STREAM_RULES ? "the stream rule" : "the search query";
        return screen.screen(request.query())
                .map(watch -> new ReadRefusal(
                        watch.code(),
                        name(),
                        what + " is " + watch.category().replace('_', ' ') + " (matched: "
                                + String.join(
                                        ", ",
                                        watch.terms().stream()
                                                .map(WatchRuleStep::withoutName)
                                                .toList())
                                + "); "
                                + watch.code().rule().summary()));
    }
}
