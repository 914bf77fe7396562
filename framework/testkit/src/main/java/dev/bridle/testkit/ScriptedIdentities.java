package dev.bridle.testkit;

import dev.bridle.bot.Identities;
import dev.bridle.bot.IdentityLink;
import dev.bridle.bot.LinkBasis;
import dev.bridle.bot.LinkResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * {@link Identities} in memory for {@link ScriptedBotContext}, under the runtime's rules where a unit test can hold
 * them: the identifier is bounded as the runtime bounds it; a consent basis holds only for a user the test said
 * consents ({@link ScriptedBotContext#consentingToLink}); a provided basis needs the message to be from the user and
 * its text to contain the identifier (compared as the runtime compares, {@link LinkBasis.Provided#contains}); public
 * data needs its evidence. What it cannot check: that Bridle received the message on the bot's account (any mention or
 * direct message the test hands the bot counts as received), consent expiry and withdrawal (use {@link BridleExtension}
 * for those), and the bot's declared purposes.
 */
final class ScriptedIdentities implements Identities {

    private final String bot;
    private final Supplier<Clock> clock;
    private final Set<String> consenting = ConcurrentHashMap.newKeySet();
    private final Map<String, Map<String, IdentityLink>> links = new ConcurrentHashMap<>();

    ScriptedIdentities(String bot, Supplier<Clock> clock) {
        this.bot = bot;
        this.clock = clock;
    }

    void consenting(UserRef user) {
        consenting.add(user.id());
    }

    @Override
    public LinkResult link(UserRef user, String externalId, LinkBasis basis) {
        IdentityLink.checkExternalId(externalId);
        String evidence;
        if (basis instanceof LinkBasis.Consent) {
            if (!consenting.contains(user.id())) {
                return refused(user + " has not consented to link_identity");
            }
            evidence = "scripted consent";
        } else if (basis instanceof LinkBasis.Provided p) {
            if (p.from() == null || !p.from().id().equals(user.id())) {
                return refused("message " + p.messageId() + " is not from " + user);
            }
            if (!p.contains(externalId)) {
                return refused("message " + p.messageId() + " from " + user + " does not contain the identifier");
            }
            evidence = p.messageId();
        } else if (basis instanceof LinkBasis.PublicData d) {
            if (d.where() == null
                    || d.where().isBlank()
                    || d.where().length() > LinkBasis.MAX_EVIDENCE_LENGTH
                    || d.where().chars().anyMatch(Character::isISOControl)) {
                return refused("public data about " + user + " needs evidence of where it is public (1 to "
                        + LinkBasis.MAX_EVIDENCE_LENGTH + " characters)");
            }
            evidence = d.where().strip();
        } else {
            return refused("linking " + user + " needs a basis");
        }
        links.computeIfAbsent(user.id(), id -> new ConcurrentHashMap<>())
                .put(
                        externalId,
                        new IdentityLink(
                                bot,
                                user.id(),
                                externalId,
                                basis.kind(),
                                evidence,
                                clock.get().instant()));
        return new LinkResult.Linked(basis.kind());
    }

    @Override
    public List<IdentityLink> of(UserRef user) {
        return links.getOrDefault(user.id(), Map.of()).values().stream()
                .sorted(Comparator.comparing(IdentityLink::externalId))
                .toList();
    }

    @Override
    public boolean unlink(UserRef user, String externalId) {
        return links.getOrDefault(user.id(), new ConcurrentHashMap<>()).remove(externalId) != null;
    }

    @Override
    public int forget(UserRef user) {
        Map<String, IdentityLink> gone = links.remove(user.id());
        return gone == null ? 0 : gone.size();
    }

    private static LinkResult refused(String message) {
        return new LinkResult.Refused(ReasonCode.NO_MATCHING_BASIS, message + "; not linked");
    }
}
