package dev.bridle.internal.people;

import dev.bridle.internal.consent.ConsentRegistry;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forgets every fact about a person when their consent ends: withdrawn, declared void, or withdrawn by an opt-out
 * (which withdraws consent on the accounts it covers). All of the person's facts go, from every bot: a person who says
 * stop has taken back the relationship those facts served, and what we would keep is exactly what they asked us not to
 * use.
 */
public final class ForgetOnConsentEnd {

    private static final Logger log = LoggerFactory.getLogger(ForgetOnConsentEnd.class);

    private ForgetOnConsentEnd() {}

    /** From now on, a consent that ends in {@code consents} forgets its subject's facts in {@code facts}. */
    public static void attach(ConsentRegistry consents, PersonFacts facts) {
        Objects.requireNonNull(facts, "facts");
        consents.addEndListener(end -> {
            int forgotten = facts.forgetPerson(end.subjectId());
            if (forgotten > 0) {
                log.info(
                        "forgot {} fact(s) about user {}: their consent ended ({})",
                        forgotten,
                        end.subjectId(),
                        end.type());
            }
        });
    }
}
