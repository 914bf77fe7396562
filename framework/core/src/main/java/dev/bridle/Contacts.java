package dev.bridle;

import dev.bridle.consent.ConsentScope;
import dev.bridle.consent.ContactStatus;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.optout.Trigger;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * Consent and opt-out as the embedding application records them: a sign-up form that asks for consent, a support desk
 * that takes a request to stop. Each call is recorded durably, with its evidence, before it returns, and the guards and
 * final checks see it at once, on every node; it is the same record the keywords and {@code bridle consent} write.
 *
 * <pre>{@code
 * bridle.contacts().grant("2001", "acme_help", Set.of(ConsentScope.REPLY), "signup form 8841");
 * bridle.contacts().status("2001", "acme_help").reachableFor(ConsentScope.REPLY);   // true
 * bridle.contacts().optOut("2001", "acme_help", "support ticket 1207");
 * }</pre>
 */
public final class Contacts {

    private final ConsentRegistry consents;
    private final OptOutRegistry optOuts;
    private final Clock clock;

    Contacts(ConsentRegistry consents, OptOutRegistry optOuts, Clock clock) {
        this.consents = consents;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    /**
     * Records that the person {@code userId} consented to {@code scopes} from {@code account}; like an opt-in by
     * message, it also lifts their opt-out from that account.
     *
     * @param evidence where the consent was given (a form submission, a ticket), kept with the record
     * @throws IllegalArgumentException for an empty scope set or evidence
     */
    public void grant(String userId, String account, Set<ConsentScope> scopes, String evidence) {
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a consent names at least one scope; none was given for user " + userId);
        }
        consents.grant(ConsentGrant.of(userId, EnumSet.copyOf(scopes), evidence(evidence))
                .account(Objects.requireNonNull(account, "account")));
    }

    /** Records that {@code userId} withdrew consent to {@code scopes} (every scope if empty) from {@code account}. */
    public void withdraw(String userId, String account, Set<ConsentScope> scopes, String evidence) {
        consents.withdraw(userId, Objects.requireNonNull(account, "account"), Set.copyOf(scopes), evidence(evidence));
    }

    /**
     * Records that {@code userId} opted out of {@code account}'s automated contact (the configured opt-out scope
     * decides whether that is this account or all of them). Nothing automated reaches them afterwards, whatever they
     * consented to; no confirmation is sent from here, since the request did not come by message.
     */
    public void optOut(String userId, String account, String evidence) {
        optOuts.optOut(userId, Objects.requireNonNull(account, "account"), evidence(evidence), Trigger.NONE);
    }

    /** Where {@code userId} stands with {@code account} now, read from the store. */
    public ContactStatus status(String userId, String account) {
        Objects.requireNonNull(account, "account");
        return new ContactStatus(
                userId,
                account,
                consents.state(userId).coveredScopes(account, clock.instant()),
                optOuts.status(userId).suppressed(account));
    }

    private static Evidence evidence(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("evidence is required: say where the person asked (a form, a ticket)");
        }
        return Evidence.reference(Channel.API, reference);
    }
}
