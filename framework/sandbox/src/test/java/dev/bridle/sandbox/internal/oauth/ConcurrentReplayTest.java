package dev.bridle.sandbox.internal.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Many threads present one signed request at the same moment: the verifier accepts it once. */
class ConcurrentReplayTest {
    private static final int THREADS = 32;
    private static final int ROUNDS = 500;
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-28T09:00:00Z"), ZoneOffset.UTC);
    private static final String URL = "http://127.0.0.1:1/2/tweets";

    private final OAuthVerifier verifier = new OAuthVerifier(
            new CredentialLookup() {
                @Override
                public Optional<String> consumerSecret(String consumerKey) {
                    return consumerKey.equals("ck") ? Optional.of("cs") : Optional.empty();
                }

                @Override
                public Optional<TokenOwner> token(String accessToken) {
                    return accessToken.equals("at")
                            ? Optional.of(new TokenOwner("42", "ats", false))
                            : Optional.empty();
                }
            },
            CLOCK,
            Duration.ofMinutes(5));
    private final ExecutorService threads = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    /** The nonce was checked, then recorded, in two locked steps: replays that checked in between were accepted too. */
    @Test
    void concurrentReplaysOfOneSignedRequestAreAcceptedOnce() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String authorization = signed("nonce-" + round);
            CyclicBarrier start = new CyclicBarrier(THREADS);
            List<Future<Verification>> outcomes = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                outcomes.add(threads.submit(() -> {
                    start.await();
                    return verifier.verify("POST", URL, List.of(), List.of(), authorization);
                }));
            }
            int accepted = 0;
            for (Future<Verification> outcome : outcomes) {
                Verification v = outcome.get(10, TimeUnit.SECONDS);
                if (v instanceof Verification.Verified) {
                    accepted++;
                } else {
                    assertThat(v)
                            .isInstanceOfSatisfying(
                                    Verification.Rejected.class,
                                    r -> assertThat(r.reason()).isEqualTo("nonce already used"));
                }
            }
            assertThat(accepted).as("requests accepted in round %d", round).isEqualTo(1);
        }
    }

    /** The re-send of a request whose connection was dropped on purpose is dropped too, every time, never refused. */
    @Test
    void aDroppedRequestStaysDroppedWhenItIsSentAgain() {
        String authorization = signed("dropped");
        Verification first = verifier.verify("POST", URL, List.of(), List.of(), authorization);
        assertThat(first).isInstanceOf(Verification.Verified.class);
        verifier.markDropped(((Verification.Verified) first).nonceKey());

        assertThat(verifier.verify("POST", URL, List.of(), List.of(), authorization))
                .isInstanceOf(Verification.DroppedReplay.class);
        assertThat(verifier.verify("POST", URL, List.of(), List.of(), authorization))
                .isInstanceOf(Verification.DroppedReplay.class);
    }

    private static String signed(String nonce) {
        List<Param> oauth = new ArrayList<>(List.of(
                new Param("oauth_consumer_key", "ck"),
                new Param("oauth_nonce", nonce),
                new Param("oauth_signature_method", "HMAC-SHA1"),
                new Param("oauth_timestamp", Long.toString(CLOCK.instant().getEpochSecond())),
                new Param("oauth_token", "at"),
                new Param("oauth_version", "1.0")));
        String signature =
                SignatureBase.sign(SignatureBase.of("POST", URL, oauth, SignatureBase.Ordering.RFC5849), "cs", "ats");
        oauth.add(new Param("oauth_signature", signature));
        StringBuilder header = new StringBuilder("OAuth ");
        for (Param p : oauth) {
            header.append(header.length() > 6 ? ", " : "")
                    .append(PercentCodec.encode(p.name()))
                    .append("=\"")
                    .append(PercentCodec.encode(p.value()))
                    .append('"');
        }
        return header.toString();
    }
}
