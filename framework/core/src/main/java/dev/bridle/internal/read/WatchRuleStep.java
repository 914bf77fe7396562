package dev.bridle.internal.read;

import java.util.Objects;
import java.util.Optional;

/**
 * No surveillance, no profiling, no measuring the service: a search query or a stream rule is classified before it is
 * sent ({@link QueryScreen}), and one that tracks sensitive events or groups, profiles one person or counts the
 * platform is refused, citing its rule (X Developer Policy, more about restricted uses).
 */
public final class WatchRuleStep implements ReadStep {

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
                                + String.join(", ", watch.terms()) + "); "
                                + watch.code().rule().summary()));
    }
}
