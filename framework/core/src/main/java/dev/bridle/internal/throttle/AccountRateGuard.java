package dev.bridle.internal.throttle;

import dev.bridle.bot.ReasonCode;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Verdict;
import java.time.Clock;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Limits each account's actions of each kind (rule {@link dev.bridle.bot.Rule#NO_BULK_ACTIONS}): the account's limits
 * for the kind ({@link ThrottleSettings#limitsFor}, e.g. 10 posts an hour and 50 a day) form one bucket with a
 * bandwidth per window. When a window is used up the action is deferred, {@link ReasonCode#THROTTLED_ACCOUNT}, to the
 * instant a token is back in every window.
 */
public final class AccountRateGuard extends BucketGuard {

    private final ThrottleSettings settings;

    public AccountRateGuard(ThrottleSettings settings, BucketStore buckets, Clock clock) {
        this(settings, buckets, PendingTakes.NONE, clock);
    }

    AccountRateGuard(ThrottleSettings settings, BucketStore buckets, PendingTakes pending, Clock clock) {
        super("throttle-account", buckets, pending, clock);
        this.settings = settings;
    }

    @Override
    public Verdict check(ActionRequest request) {
        List<Limit> limits = settings.limitsFor(request.account(), request.kind());
        String key = "account:" + ThrottleSettings.handleKey(request.account().handle()) + ":"
                + request.kind().name();
        return take(
                request,
                List.of(new BucketReservations.Slot(key, limits)),
                ReasonCode.THROTTLED_ACCOUNT,
                refused ->
                        request.account() + " has used its " + ThrottleSettings.configName(request.kind()) + " limits ("
                                + limits.stream().map(Limit::toString).collect(Collectors.joining(", "))
                                + "); the next one may go at " + Spans.moment(refused.until()));
    }
}
