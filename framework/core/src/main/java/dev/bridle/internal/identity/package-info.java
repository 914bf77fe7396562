/**
 * Links between people and identifiers off the platform: each made only on a basis that holds when it is made
 * ({@link dev.bridle.internal.identity.LinkBasisCheck}), ledgered with the identifier hashed
 * ({@link dev.bridle.internal.identity.GuardedIdentities}), kept in {@code identity_link}
 * ({@link dev.bridle.internal.identity.IdentityLinkStore}) and removed when the person's consent ends
 * ({@link dev.bridle.internal.identity.UnlinkOnConsentEnd}) or they ask.
 */
package dev.bridle.internal.identity;
