package dev.bridle.internal.people;

import dev.bridle.internal.consent.ConsentRegistry;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets a person's facts when their consent ends: withdrawn, declared void, or withdrawn by an opt-out (which
 * withdraws consent on the accounts it covers). By default all of the person's facts go, from every bot: a person who
 * says stop has taken back the relationship those facts served, and what we would keep is exactly what they asked us
 * not to use. A bot configured {@code onConsentEnd: keep-provided} keeps the facts the person gave it in their own
 * messages (an order number for a refund still under way) and loses every other; see
 * {@link dev.bridle.config.OnConsentEnd} for why.
 */
public final class ForgetOnConsentEnd {

    private static final Logger log = LoggerFactory.getLogger(ForgetOnConsentEnd.class);

    private ForgetOnConsentEnd() {}

    /** From now on, a consent that ends in {@code consents} forgets all its subject's facts in {@code facts}. */
    public static void attach(ConsentRegistry consents, PersonFacts facts) {
        attach(consents, facts, Set.of());
    }

    /**
     * From now on, a consent that ends in {@code consents} forgets its subject's facts in {@code facts}, except those
     * the person provided to one of the bots {@code keepingProvided}.
     */
    public static void attach(ConsentRegistry consents, PersonFacts facts, Set<String> keepingProvided) {
        Objects.requireNonNull(facts, "facts");
        Set<String> keeping = Set.copyOf(keepingProvided);
        consents.addEndListener(end -> {
            int forgotten = facts.forgetPerson(end.subjectId(), keeping);
            if (forgotten > 0) {
                log.info(
                        "forgot {} fact(s) about user {}: their consent ended ({}){}",
                        forgotten,
                        end.subjectId(),
                        end.type(),
                        keeping.isEmpty() ? "" : "; what they provided to " + new TreeSet<>(keeping) + " is kept");
            }
        });
    }
}
