package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.sandbox.internal.oauth.OAuthHeader;
import dev.bridle.sandbox.internal.oauth.Param;
import dev.bridle.sandbox.internal.oauth.PercentCodec;
import dev.bridle.sandbox.internal.oauth.SignatureBase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import twitter4j.HttpParameter;

/** The signature arithmetic, against the platform's published example and twitter4j's own encoder. */
class OAuthSigningTest {

    @Test
    void matchesThePlatformsCreatingASignatureExample() {
        List<Param> params = List.of(
                new Param("include_entities", "true"),
                new Param("status", "Hello Ladies + Gentlemen, a signed OAuth request!"),
                new Param("oauth_consumer_key", "xvz1evFS4wEEPTGEFPHBog"),
                new Param("oauth_nonce", "kYjzVBB8Y0ZFabxSWbWovY3uYSQ2pTgmZeNu2VS4cg"),
                new Param("oauth_signature_method", "HMAC-SHA1"),
                new Param("oauth_timestamp", "1318622958"),
                new Param("oauth_token", "370773112-GmHxMAgYyLbNEtIKZeRNFsMKPR9EyMZeS9weJAEb"),
                new Param("oauth_version", "1.0"));

        String base = SignatureBase.of(
                "POST", "https://api.twitter.com/1.1/statuses/update.json", params, SignatureBase.Ordering.RFC5849);

        assertThat(SignatureBase.sign(
                        base,
                        "kAcSOqF21Fu85e7zjz7ZN2U4ZRhfV3WpwPAoE3Z7kBw",
                        "LswwdoUaIvS8ltyTt5jkRh4J50vUPVVHtR2YPi5kE"))
                .isEqualTo("hCtSmYh+iHYCEqBWrE7C7hYmtUk=");
    }

    @Test
    void percentEncodingEqualsTwitter4jsEncoder() {
        for (String s :
                List.of("Hello Ladies + Gentlemen", "*~-._", "ümlaut ß 日本語 🙂", "a=b&c=d/%?#", "'!()", "\t\n")) {
            assertThat(PercentCodec.encode(s)).as(s).isEqualTo(HttpParameter.encode(s));
        }
    }

    @Test
    void baseUrlKeepsNonDefaultPortsAndLowerCasesTheHost() {
        assertThat(SignatureBase.baseUrl("HTTP", "LocalHost:8080", "/2/tweets"))
                .isEqualTo("http://localhost:8080/2/tweets");
        assertThat(SignatureBase.baseUrl("http", "example.com:80", "/1.1/x.json"))
                .isEqualTo("http://example.com/1.1/x.json");
        assertThat(SignatureBase.baseUrl("https", "example.com:443", "/a")).isEqualTo("https://example.com/a");
        assertThat(SignatureBase.baseUrl("https", "example.com:8443", "/a")).isEqualTo("https://example.com:8443/a");
    }

    @Test
    void authorizationHeaderParsingDecodesValuesAndDropsRealm() {
        Map<String, String> p = OAuthHeader.parse(
                        "OAuth realm=\"x\", oauth_consumer_key=\"k%2Bey\"," + "oauth_signature=\"ab%2Bc%3D\"")
                .orElseThrow();

        assertThat(p)
                .containsEntry("oauth_consumer_key", "k+ey")
                .containsEntry("oauth_signature", "ab+c=")
                .doesNotContainKey("realm");
        assertThat(OAuthHeader.parse("Bearer abc")).isEmpty();
        assertThat(OAuthHeader.parse(null)).isEmpty();
    }

    @Test
    void twitter4jOrderingDiffersOnlyForRawVersusEncodedOrder() {
        // Raw, 'z' sorts before 'é'; encoded, "%C3%A9" sorts before "z". twitter4j sorts raw values, the RFC
        // encoded ones; the verifier accepts either, so a client sorting either way is accepted.
        List<Param> params = List.of(new Param("q", "z"), new Param("q", "é"));
        String rfc = SignatureBase.of("GET", "http://h/p", params, SignatureBase.Ordering.RFC5849);
        String t4j = SignatureBase.of("GET", "http://h/p", params, SignatureBase.Ordering.TWITTER4J);
        assertThat(rfc).isNotEqualTo(t4j);
    }
}
