package dev.bridle.internal.consent;

import dev.bridle.consent.ConsentScope;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A consent to record with {@link ConsentRegistry#grant}. Start from {@link #of} and add what applies; what is left out
 * comes from {@link ConsentSettings}: the expiry, the notice, the policy version and the jurisdiction.
 *
 * <pre>{@code
 * consents.grant(ConsentGrant.of("2001", Set.of(ConsentScope.REPLY, ConsentScope.DM),
 *         Evidence.reference(Channel.API, "signup form 8812, 2026-11-27")).account("acme_help"));
 * }</pre>
 *
 * @param subjectId the user's platform id
 * @param account {@link ConsentEvent#ALL_ACCOUNTS} or one account's handle
 * @param scopes what the user agreed to
 * @param evidence what proves it
 * @param expiresAt when it lapses, or {@code null} for the settings' default expiry
 * @param interactionId the mention a single-use reply consent answers, or {@code null}
 * @param notice the notice the user answered, or {@code null} for the settings' notice
 * @param language the language the user wrote in, or {@code null}
 */
public record ConsentGrant(
        String subjectId,
        String account,
        Set<ConsentScope> scopes,
        Evidence evidence,
        Instant expiresAt,
        String interactionId,
        NoticeRef notice,
        String language) {

    public ConsentGrant {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(evidence, "evidence");
        if (subjectId.isEmpty() || !subjectId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a user id is a string of digits, not '" + subjectId + "'");
        }
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException("a consent needs at least one scope");
        }
        scopes = Set.copyOf(EnumSet.copyOf(scopes));
        if (interactionId != null && !scopes.equals(Set.of(ConsentScope.REPLY))) {
            throw new IllegalArgumentException("a single-use interaction consent covers a reply only, not " + scopes);
        }
    }

    /** Consent from {@code subjectId} to {@code scopes} on every account of the operator. */
    public static ConsentGrant of(String subjectId, Set<ConsentScope> scopes, Evidence evidence) {
        return new ConsentGrant(subjectId, ConsentEvent.ALL_ACCOUNTS, scopes, evidence, null, null, null, null);
    }

    /** The same grant for one account only ({@code handle}), or every account ({@code *}). */
    public ConsentGrant account(String handle) {
        return new ConsentGrant(
                subjectId, Accounts.key(handle), scopes, evidence, expiresAt, interactionId, notice, language);
    }

    /** The same grant, lapsing at {@code when}. */
    public ConsentGrant expiresAt(Instant when) {
        return new ConsentGrant(subjectId, account, scopes, evidence, when, interactionId, notice, language);
    }

    /** The same grant, good for one reply to the mention {@code mentionId} only. */
    public ConsentGrant forInteraction(String mentionId) {
        return new ConsentGrant(subjectId, account, scopes, evidence, expiresAt, mentionId, notice, language);
    }

    /** The same grant, answering {@code notice} rather than the configured one. */
    public ConsentGrant notice(NoticeRef notice) {
        return new ConsentGrant(subjectId, account, scopes, evidence, expiresAt, interactionId, notice, language);
    }

    /** The same grant, in {@code language}. */
    public ConsentGrant language(String language) {
        return new ConsentGrant(subjectId, account, scopes, evidence, expiresAt, interactionId, notice, language);
    }
}
