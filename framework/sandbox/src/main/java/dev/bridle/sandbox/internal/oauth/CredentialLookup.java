package dev.bridle.sandbox.internal.oauth;

import java.util.Optional;

/** Where the verifier finds the secrets it checks signatures with. */
public interface CredentialLookup {

    /** The consumer secret of a known app. */
    Optional<String> consumerSecret(String consumerKey);

    /** The account that holds an access token. */
    Optional<TokenOwner> token(String accessToken);

    /**
     * The holder of an access token.
     *
     * @param userId the account's user id
     * @param tokenSecret the token secret
     * @param revoked whether the token was revoked (then code 89)
     */
    record TokenOwner(String userId, String tokenSecret, boolean revoked) {}
}
