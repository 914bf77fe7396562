package dev.bridle;

import dev.bridle.internal.health.AccountHealth;
import dev.bridle.platform.AccountPause;
import dev.bridle.platform.LimitPause;
import java.util.List;
import java.util.Optional;

/**
 * The operator's accounts as the platform left them: paused after a refusal, or holding actions back for a daily limit,
 * read from the store, which every node shares. What {@code bridle accounts} shows, for an operator's own dashboard.
 *
 * <pre>{@code
 * store.accounts().pauseOf("acme_help").ifPresent(p -> alert(p.describe()));
 * store.accounts().resume("acme_help");   // after the cause is fixed
 * }</pre>
 */
public final class Accounts {

    private final AccountHealth health;

    Accounts(AccountHealth health) {
        this.health = health;
    }

    /** Every paused account, by handle. */
    public List<AccountPause> paused() {
        return health.paused().stream().map(Accounts::pause).toList();
    }

    /** The pause of {@code handle} (with or without {@code @}, any case), if it is paused. */
    public Optional<AccountPause> pauseOf(String handle) {
        return health.pauseOf(handle).map(Accounts::pause);
    }

    /** Every kind of action held back for a daily limit now, by handle and kind; those past their end are not. */
    public List<LimitPause> limitPauses() {
        return health.kindPauses().stream()
                .map(k -> new LimitPause(k.handle(), k.kind(), k.until(), k.errorCode()))
                .toList();
    }

    /**
     * Resumes {@code handle}: its actions are checked and sent again, on every node. Daily-limit pauses are left to run
     * out, since the platform would refuse those actions anyway. Fix the cause first ({@link AccountPause#remedy()}).
     *
     * @return whether it was paused
     */
    public boolean resume(String handle) {
        return health.resume(handle);
    }

    private static AccountPause pause(dev.bridle.internal.health.AccountPause p) {
        return new AccountPause(
                p.handle(),
                p.reason().name(),
                p.reason().remedy(),
                p.errorCode(),
                p.httpStatus(),
                p.since(),
                p.message());
    }
}
