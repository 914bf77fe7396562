package dev.bridle.internal.identity;

import dev.bridle.audit.AuditLedger;
import dev.bridle.audit.LedgerEvent;
import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.Identities;
import dev.bridle.bot.IdentityLink;
import dev.bridle.bot.LinkBasis;
import dev.bridle.bot.LinkResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Purpose;
import dev.bridle.internal.text.ContentHash;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bot's {@link Identities}: a link is made only for a bot whose declared purposes need links
 * ({@link Purpose.Use#IDENTITY_LINKS}, else {@code NOT_FOR_PURPOSE}) and only on a basis that holds now
 * ({@link LinkBasisCheck}, else {@code NO_MATCHING_BASIS}). Every link and every refusal is ledgered
 * ({@link #IDENTITY_LINK}, {@code ALLOWED} or {@code DENIED}, the user as target, the identifier's SHA-256 as the
 * content hash, never the identifier) before the link is stored, so a link the ledger cannot record is not made. A
 * check that throws (the consent store is down) refuses with {@code GUARD_UNAVAILABLE}, ledgered too.
 *
 * <p>The rows carry no request id: a link is not an action sent to the platform, and start-up reconciliation, which
 * looks for allowed actions without an outcome, must not take it for one.
 */
public final class GuardedIdentities implements Identities {

    /** The ledger's action kind for an identity link. */
    public static final String IDENTITY_LINK = "IDENTITY_LINK";
    /** Who decides, as the ledger names it. */
    public static final String CHECK = "LinkBasisCheck";

    private static final Logger log = LoggerFactory.getLogger(GuardedIdentities.class);

    private final String bot;
    private final String account;
    private final Set<Purpose> purposes;
    private final LinkBasisCheck check;
    private final IdentityLinkStore links;
    private final AuditLedger ledger;
    private final Clock clock;

    /** @param purposes the bot's declared purposes: links are made only if one of them needs them */
    public GuardedIdentities(
            String bot,
            String account,
            Set<Purpose> purposes,
            LinkBasisCheck check,
            IdentityLinkStore links,
            AuditLedger ledger,
            Clock clock) {
        this.bot = Objects.requireNonNull(bot, "bot");
        this.account = Objects.requireNonNull(account, "account");
        this.purposes = Set.copyOf(purposes);
        this.check = Objects.requireNonNull(check, "check");
        this.links = Objects.requireNonNull(links, "links");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public LinkResult link(UserRef user, String externalId, LinkBasis basis) {
        Objects.requireNonNull(user, "user");
        IdentityLink.checkExternalId(externalId);
        if (!Purpose.allows(purposes, Purpose.Use.IDENTITY_LINKS)) {
            return refuse(
                    user,
                    externalId,
                    ReasonCode.NOT_FOR_PURPOSE,
                    user + " not linked: bot '" + bot + "' declares "
                            + (purposes.isEmpty() ? "no purpose" : "only " + names(purposes))
                            + ", and linking identities needs one that does (customer_support,"
                            + " engagement_with_consent)");
        }
        LinkBasisCheck.Decision decision;
        try {
            decision = check.check(account, user, externalId, basis);
        } catch (RuntimeException e) {
            log.warn("could not check the basis for linking {} (bot '{}'): {}", user, bot, e.getMessage());
            return refuse(
                    user,
                    externalId,
                    ReasonCode.GUARD_UNAVAILABLE,
                    user + " not linked: the basis could not be checked (" + e.getMessage() + ")");
        }
        if (decision instanceof LinkBasisCheck.Decision.Fails fails) {
            return refuse(user, externalId, ReasonCode.NO_MATCHING_BASIS, fails.message() + "; not linked");
        }
        LinkBasisCheck.Decision.Holds holds = (LinkBasisCheck.Decision.Holds) decision;
        ledger.append(row(
                user,
                externalId,
                LedgerEvent.ALLOWED,
                null,
                user + " linked to an identifier off the platform on the basis of "
                        + holds.kind().wireName()));
        links.put(bot, user.id(), externalId, holds.kind(), holds.evidence());
        return new LinkResult.Linked(holds.kind());
    }

    @Override
    public List<IdentityLink> of(UserRef user) {
        return links.of(bot, Objects.requireNonNull(user, "user").id());
    }

    @Override
    public boolean unlink(UserRef user, String externalId) {
        return links.unlink(bot, Objects.requireNonNull(user, "user").id(), IdentityLink.checkExternalId(externalId));
    }

    @Override
    public int forget(UserRef user) {
        return links.forget(bot, Objects.requireNonNull(user, "user").id());
    }

    private LinkResult refuse(UserRef user, String externalId, ReasonCode code, String message) {
        ledger.append(row(user, externalId, LedgerEvent.DENIED, code, message));
        return new LinkResult.Refused(code, message);
    }

    private LedgerRecord row(UserRef user, String externalId, LedgerEvent event, ReasonCode code, String message) {
        return new LedgerRecord(
                clock.instant(),
                null,
                bot,
                account,
                IDENTITY_LINK,
                List.of(user.id()),
                ContentHash.sha256Hex(externalId),
                event,
                CHECK,
                code == null ? null : code.name(),
                code == null ? null : code.rule().name(),
                message,
                null,
                null);
    }

    private static String names(Set<Purpose> purposes) {
        return String.join(
                ", ", purposes.stream().sorted().map(Purpose::configName).toList());
    }
}
