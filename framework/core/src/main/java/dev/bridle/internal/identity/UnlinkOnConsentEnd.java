package dev.bridle.internal.identity;

import dev.bridle.internal.consent.ConsentRegistry;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes a person's identity links, from every bot and whatever their basis, when their consent ends: withdrawn,
 * declared void, or withdrawn by an opt-out (which withdraws consent on the accounts it covers). A link made on
 * information the person provided, or on public data, is not kept either: the rule asks that such data be used only
 * where the person would expect it, and someone who has just said stop does not expect to stay matched.
 */
public final class UnlinkOnConsentEnd {

    private static final Logger log = LoggerFactory.getLogger(UnlinkOnConsentEnd.class);

    private UnlinkOnConsentEnd() {}

    /** From now on, a consent that ends in {@code consents} removes its subject's links in {@code links}. */
    public static void attach(ConsentRegistry consents, IdentityLinkStore links) {
        Objects.requireNonNull(links, "links");
        consents.addEndListener(end -> {
            int removed = links.forgetPerson(end.subjectId());
            if (removed > 0) {
                log.info(
                        "removed {} identity link(s) of user {}: their consent ended ({})",
                        removed,
                        end.subjectId(),
                        end.type());
            }
        });
    }
}
