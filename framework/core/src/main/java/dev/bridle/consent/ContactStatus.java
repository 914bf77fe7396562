package dev.bridle.consent;

import java.util.Objects;
import java.util.Set;

/**
 * Where one person stands with one account now: what they consented to that is still live, and whether they opted out
 * (an opt-out wins over any consent: nothing automated reaches them).
 *
 * @param userId the person's platform user id
 * @param account the account's handle
 * @param consented the scopes whose consent is live now (granted, not withdrawn, not expired)
 * @param optedOut whether contact from this account is suppressed by their opt-out
 */
public record ContactStatus(String userId, String account, Set<ConsentScope> consented, boolean optedOut) {

    public ContactStatus {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(account, "account");
        consented = Set.copyOf(consented);
    }

    /** Whether an automated action of {@code scope} from this account may reach them. */
    public boolean reachableFor(ConsentScope scope) {
        return !optedOut && consented.contains(scope);
    }
}
