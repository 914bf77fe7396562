package dev.bridle;

import dev.bridle.internal.people.PersonFacts;
import java.util.List;
import java.util.Objects;

/**
 * What Bridle holds about one person, for an access or erasure request: the facts bots remember about them. Their
 * consent and opt-out history is in {@link Contacts#history}; the ledger keeps only hashes and ids.
 *
 * <pre>{@code
 * try (BridleStore store = Bridle.builder().config(Path.of("config/bridle.yaml")).openStore()) {
 *     store.people().facts("2001").forEach(f -> System.out.println(f.bot() + " " + f.key() + ": " + f.value()));
 *     store.people().forget("2001");
 * }
 * }</pre>
 */
public final class PeopleData {

    private final PersonFacts facts;

    PeopleData(PersonFacts facts) {
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /** Every fact any bot holds about the user with platform id {@code userId}, by bot and key. */
    public List<HeldFact> facts(String userId) {
        return facts.about(checkId(userId)).stream()
                .map(f -> new HeldFact(
                        f.bot(), f.userId(), f.key(), f.value(), f.sourcePost(), f.provided(), f.updatedAt()))
                .toList();
    }

    /**
     * Forgets every fact any bot holds about {@code userId}; returns how many went. Their opt-out and consent history
     * stay: they are what keeps Bridle honouring the person's choices.
     */
    public int forget(String userId) {
        return facts.forgetPerson(checkId(userId));
    }

    private static String checkId(String userId) {
        Objects.requireNonNull(userId, "userId");
        if (userId.isEmpty() || !userId.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("a user id is a string of digits, not '" + userId + "'");
        }
        return userId;
    }
}
