package dev.bridle.consent;

import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * A consent to record with {@code Contacts#grant(ConsentRequest)}, when the short form (user, account, scopes,
 * evidence) is not enough: a chosen lifetime, the person's language.
 *
 * <pre>{@code
 * contacts.grant(ConsentRequest.of("2001", Set.of(ConsentScope.DM), "signup form 8812")
 *         .account("acme_help")
 *         .validFor(Duration.ofDays(90))
 *         .language("pt"));
 * }</pre>
 *
 * @param userId the person's platform user id (digits)
 * @param scopes what they agreed to
 * @param evidence where their consent is recorded (a form submission, a ticket)
 * @param account one account's handle, or {@link ContactEvent#ALL_ACCOUNTS} for every account of the operator
 * @param validFor how long it lasts, or {@code null} for the configured expiry
 * @param language the language they wrote in, or {@code null}
 */
public record ConsentRequest(
        String userId, Set<ConsentScope> scopes, String evidence, String account, Duration validFor, String language) {

    public ConsentRequest {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(account, "account");
        scopes = Set.copyOf(scopes);
    }

    /** Consent from {@code userId} to {@code scopes} on every account, for the configured time. */
    public static ConsentRequest of(String userId, Set<ConsentScope> scopes, String evidence) {
        return new ConsentRequest(userId, scopes, evidence, ContactEvent.ALL_ACCOUNTS, null, null);
    }

    /** The same request for one account ({@code handle}, with or without {@code @}), or {@code *} for every one. */
    public ConsentRequest account(String handle) {
        return new ConsentRequest(userId, scopes, evidence, handle, validFor, language);
    }

    /** The same request, lasting {@code duration} from when it is recorded. */
    public ConsentRequest validFor(Duration duration) {
        return new ConsentRequest(userId, scopes, evidence, account, duration, language);
    }

    /** The same request, in {@code tag} (a language tag such as {@code en}), or {@code null} for none. */
    public ConsentRequest language(String tag) {
        return new ConsentRequest(userId, scopes, evidence, account, validFor, tag);
    }
}
