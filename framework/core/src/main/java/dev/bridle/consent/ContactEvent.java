package dev.bridle.consent;

import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One recorded change in what a person agreed to or asked for: a consent given, withdrawn, invalidated or used up, or
 * an opt-out, a suspected opt-out or an opt-in. Records are never changed; where a person stands is derived from them.
 *
 * @param seq the store's order of such records; later ones win
 * @param id the record's id; for a consent given, the id of its receipt
 * @param userId the person's platform user id
 * @param account {@link #ALL_ACCOUNTS} for every account of the operator, or one account's handle in lower case
 * @param type for consent {@code GIVEN}, {@code WITHDRAWN}, {@code INVALIDATED} or {@code USED}; for opt-out
 *     {@code OPTED_OUT}, {@code SUSPECTED} or {@code OPTED_IN}
 * @param scopes what a consent record covers; empty for an opt-out record, or for a withdrawal of every scope
 * @param at when it was recorded
 * @param expiresAt when a consent given lapses; {@code null} for other records
 * @param channel how it reached Bridle
 * @param messageId the person's message that carried it, or {@code null}
 * @param messageText that message's text, or {@code null}
 * @param reference the operator's reference to where it is recorded (a form, a ticket), or {@code null}
 * @param rule the keyword rule that recognised the message ({@code en.opt_out.keyword:stop}), or {@code null}
 */
public record ContactEvent(
        long seq,
        UUID id,
        String userId,
        String account,
        String type,
        Set<ConsentScope> scopes,
        Instant at,
        Instant expiresAt,
        ContactChannel channel,
        String messageId,
        String messageText,
        String reference,
        String rule) {

    /** The {@code account} of a record that covers every account of the operator. */
    public static final String ALL_ACCOUNTS = "*";

    public ContactEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(channel, "channel");
        scopes = Set.copyOf(scopes);
    }

    /** Whether it covers every account of the operator. */
    public boolean allAccounts() {
        return account.equals(ALL_ACCOUNTS);
    }
}
