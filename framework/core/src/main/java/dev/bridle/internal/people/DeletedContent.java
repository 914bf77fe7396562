package dev.bridle.internal.people;

import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.optout.OptOutRegistry;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes content deleted on the platform from what Bridle keeps: the text of a deleted message in consent and opt-out
 * evidence (the records stay, citing the message by id), and facts learnt from a deleted post. The developer guidelines
 * ask that deleted content go from everything stored within 24 hours; whoever learns of deletions calls {@link #purge}.
 */
public final class DeletedContent {

    private static final Logger log = LoggerFactory.getLogger(DeletedContent.class);

    private final ConsentRegistry consents;
    private final OptOutRegistry optOuts;
    private final PersonFacts facts;

    public DeletedContent(ConsentRegistry consents, OptOutRegistry optOuts, PersonFacts facts) {
        this.consents = Objects.requireNonNull(consents, "consents");
        this.optOuts = Objects.requireNonNull(optOuts, "optOuts");
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /** What one purge removed. */
    public record Purged(int consentTexts, int optOutTexts, int facts) {
        /** How many things went in all. */
        public int total() {
            return consentTexts + optOutTexts + facts;
        }
    }

    /** The posts Bridle keeps content from: facts' source posts and mentions kept as consent or opt-out evidence. */
    public Set<String> keptPostIds() {
        Set<String> kept = new LinkedHashSet<>(facts.sourcePosts());
        kept.addAll(consents.mentionIdsWithText());
        kept.addAll(optOuts.mentionIdsWithText());
        return kept;
    }

    /** Forgets everything kept from the posts and messages {@code ids}, deleted on the platform. */
    public Purged purge(Collection<String> ids) {
        if (ids.isEmpty()) {
            return new Purged(0, 0, 0);
        }
        Purged purged = new Purged(
                consents.forgetDeletedMessages(ids), optOuts.forgetDeletedMessages(ids), facts.forgetCiting(ids));
        if (purged.total() > 0) {
            log.info(
                    "content deleted on the platform is forgotten: {} consent and {} opt-out message texts, {} facts",
                    purged.consentTexts(),
                    purged.optOutTexts(),
                    purged.facts());
        }
        return purged;
    }
}
