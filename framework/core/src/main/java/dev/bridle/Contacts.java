package dev.bridle;

import dev.bridle.consent.ConsentRequest;
import dev.bridle.consent.ConsentScope;
import dev.bridle.consent.ContactChannel;
import dev.bridle.consent.ContactEvent;
import dev.bridle.consent.ContactHistory;
import dev.bridle.consent.ContactStatus;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentEvent;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentReceipts;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.ConsentState;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.optout.OptOutEvent;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.optout.OptOutStatus;
import dev.bridle.internal.optout.Trigger;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
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
 *
 * What is recorded here is recorded as coming through the API ({@link ContactChannel#API}); {@link #via} records it as
 * coming another way, an import for instance. An account is a handle, or {@code *} for every account of the operator.
 */
public final class Contacts {

    private final ConsentRegistry consents;
    private final OptOutRegistry optOuts;
    private final Clock clock;
    private final Channel channel;

    Contacts(ConsentRegistry consents, OptOutRegistry optOuts, Clock clock) {
        this(consents, optOuts, clock, Channel.API);
    }

    private Contacts(ConsentRegistry consents, OptOutRegistry optOuts, Clock clock, Channel channel) {
        this.consents = consents;
        this.optOuts = optOuts;
        this.clock = clock;
        this.channel = channel;
    }

    /**
     * The same records, written as coming through {@code channel}: {@link ContactChannel#IMPORT} for records brought
     * over from another system (a consent imported never lifts an opt-out), {@link ContactChannel#CLI} for the
     * operator's command line.
     *
     * @throws IllegalArgumentException for a message channel: a person's own messages are recorded by the keywords
     */
    public Contacts via(ContactChannel channel) {
        if (channel.isMessage()) {
            throw new IllegalArgumentException(
                    "a " + channel + " is recorded by the opt-out keywords, from the message itself; record through"
                            + " API, CLI or IMPORT");
        }
        return new Contacts(consents, optOuts, clock, Channel.valueOf(channel.name()));
    }

    /**
     * Records that the person {@code userId} consented to {@code scopes} from {@code account}; like an opt-in by
     * message, it also lifts their opt-out from that account (unless it is an import).
     *
     * @param evidence where the consent was given (a form submission, a ticket), kept with the record
     * @return the record, whose id is the receipt's
     * @throws IllegalArgumentException for an empty scope set or evidence
     */
    public ContactEvent grant(String userId, String account, Set<ConsentScope> scopes, String evidence) {
        return grant(ConsentRequest.of(userId, scopes, evidence).account(Objects.requireNonNull(account, "account")));
    }

    /**
     * Records the consent {@code request} describes; otherwise as {@link #grant(String, String, Set, String)}.
     *
     * @throws IllegalArgumentException for an empty scope set or evidence, a user id that is not digits, or a lifetime
     *     that ends before now
     */
    public ContactEvent grant(ConsentRequest request) {
        if (request.scopes().isEmpty()) {
            throw new IllegalArgumentException(
                    "a consent names at least one scope; none was given for user " + request.userId());
        }
        ConsentGrant grant = ConsentGrant.of(
                        request.userId(), EnumSet.copyOf(request.scopes()), evidence(request.evidence()))
                .account(request.account())
                .language(request.language());
        if (request.validFor() != null) {
            grant = grant.expiresAt(clock.instant().plus(request.validFor()));
        }
        return event(consents.grant(grant));
    }

    /** Records that {@code userId} withdrew consent to {@code scopes} (every scope if empty) from {@code account}. */
    public ContactEvent withdraw(String userId, String account, Set<ConsentScope> scopes, String evidence) {
        return event(consents.withdraw(
                userId, Objects.requireNonNull(account, "account"), Set.copyOf(scopes), evidence(evidence)));
    }

    /**
     * Records that consent of {@code userId} to {@code scopes} (every scope if empty) from {@code account} was void
     * from the start: a mistaken import, an authority's order. It stops counting as a withdrawal does.
     */
    public ContactEvent invalidate(String userId, String account, Set<ConsentScope> scopes, String evidence) {
        return event(consents.invalidate(
                userId, Objects.requireNonNull(account, "account"), Set.copyOf(scopes), evidence(evidence)));
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

    /** Everything recorded about {@code userId}, and where that leaves them now, read from the store. */
    public ContactHistory history(String userId) {
        Instant now = clock.instant();
        ConsentState state = consents.state(userId);
        OptOutStatus optOut = optOuts.status(userId);
        Map<String, Set<ConsentScope>> consentNow = new LinkedHashMap<>();
        state.accounts().forEach(key -> consentNow.put(key, state.coveredScopes(key, now)));
        Map<String, ContactEvent> optOutsNow = new LinkedHashMap<>();
        optOut.suppressions().forEach((key, e) -> optOutsNow.put(key, event(e)));
        return new ContactHistory(
                userId,
                consents.settings().operator(),
                consentNow,
                optOutsNow,
                state.history().stream().map(Contacts::event).toList(),
                optOut.history().stream().map(Contacts::event).toList());
    }

    /**
     * The consent receipts of {@code userId} as JSON, one per consent given, with its state now: the Kantara Consent
     * Receipt's field names (ISO/IEC TS 27560), for a person who asks what they agreed to.
     */
    public String receipts(String userId) {
        return ConsentReceipts.toJson(
                new ConsentReceipts(consents.settings()).export(consents.state(userId), clock.instant()));
    }

    private Evidence evidence(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new IllegalArgumentException("evidence is required: say where the person asked (a form, a ticket)");
        }
        return Evidence.reference(channel, reference);
    }

    private static ContactEvent event(ConsentEvent e) {
        return new ContactEvent(
                e.seq(),
                e.eventId(),
                e.subjectId(),
                e.account(),
                e.type().name(),
                e.scopes(),
                e.at(),
                e.expiresAt(),
                ContactChannel.valueOf(e.evidence().channel().name()),
                e.evidence().inboundId(),
                e.evidence().inboundText(),
                e.evidence().reference(),
                null);
    }

    private static ContactEvent event(OptOutEvent e) {
        return new ContactEvent(
                e.seq(),
                e.eventId(),
                e.subjectId(),
                e.account(),
                e.type().name(),
                Set.of(),
                e.at(),
                null,
                ContactChannel.valueOf(e.evidence().channel().name()),
                e.evidence().inboundId(),
                e.evidence().inboundText(),
                e.evidence().reference(),
                e.trigger().rule());
    }
}
