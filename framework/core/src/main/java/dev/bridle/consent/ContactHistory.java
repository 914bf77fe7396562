package dev.bridle.consent;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything recorded about one person's consent and opt-outs with the operator, and where that leaves them now: what a
 * support desk shows, and what a person asking for their records is owed.
 *
 * @param userId the person's platform user id
 * @param operator the operator (the app) the consent is given to
 * @param consentNow per account key ({@link ContactEvent#ALL_ACCOUNTS} or a handle) that any consent record names, in
 *     the order first named: the scopes live now (possibly none)
 * @param optOutsNow per account key, the opt-out record that suppresses contact from it now
 * @param consents the consent records, oldest first
 * @param optOuts the opt-out records, oldest first
 */
public record ContactHistory(
        String userId,
        String operator,
        Map<String, Set<ConsentScope>> consentNow,
        Map<String, ContactEvent> optOutsNow,
        List<ContactEvent> consents,
        List<ContactEvent> optOuts) {

    public ContactHistory {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(operator, "operator");
        consentNow = Collections.unmodifiableMap(new LinkedHashMap<>(consentNow));
        optOutsNow = Collections.unmodifiableMap(new LinkedHashMap<>(optOutsNow));
        consents = List.copyOf(consents);
        optOuts = List.copyOf(optOuts);
    }
}
