package dev.bridle.bot;

import java.util.List;

/**
 * The bot's links between platform users and identifiers off the platform (a customer record, an e-mail address). X
 * allows associating a user with an off-platform identifier only with the user's express opt-in consent, or else from
 * information the user gave directly or public data, where the user would expect it; so every link names its
 * {@link LinkBasis}, which is checked when it is made. A link without a basis that holds is refused
 * ({@link ReasonCode#NO_MATCHING_BASIS}); links and refusals go to the ledger with the identifier hashed, never in
 * clear. A person's links are removed when their consent ends or they opt out, and on an erasure request.
 *
 * <pre>{@code
 * LinkResult r = ctx.identities().link(mention.author(), "A-1234", LinkBasis.provided(mention));
 * if (!r.linked()) {
 *     ctx.log().info("not linked: {}", r.reason());
 * }
 * }</pre>
 */
public interface Identities {

    /**
     * Links {@code user} to {@code externalId} if {@code basis} holds now; durable on return when linked. Linking an
     * identifier again replaces its basis.
     *
     * @param externalId the identifier off the platform (see {@link IdentityLink#checkExternalId})
     * @param basis why the link is allowed; {@code null} is refused
     * @throws IllegalArgumentException if {@code externalId} cannot be an identifier
     */
    LinkResult link(UserRef user, String externalId, LinkBasis basis);

    /** The bot's links for {@code user}, by identifier. */
    List<IdentityLink> of(UserRef user);

    /** Removes the bot's link between {@code user} and {@code externalId}; returns whether there was one. */
    boolean unlink(UserRef user, String externalId);

    /** Removes every link the bot holds for {@code user}; returns how many went. */
    int forget(UserRef user);
}
