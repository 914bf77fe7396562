package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the sandbox accepts and refuses, signed by a test client on the sandbox clock. */
class OAuthVerificationTest {
    private MutableClock clock;
    private Sandbox sandbox;
    private TestClient acme;

    @BeforeEach
    void start() {
        clock = TestClocks.golden();
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .simulatedUser("ana")
                .build()
                .start();
        acme = TestClient.of(sandbox, clock, "acme");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static void assertRefused(TestClient.Response r, int status, int code) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.json().path("errors").path(0).path("code").asInt()).isEqualTo(code);
    }

    @Test
    void correctlySignedRequestsAreAccepted() throws IOException {
        assertThat(acme.get("2/users/me").status()).isEqualTo(200);
        assertThat(acme.postForm("1.1/statuses/update.json", "status", "form bodies are signed")
                        .status())
                .isEqualTo(200);
        assertThat(acme.postJson("2/tweets", "{\"text\":\"json bodies are not\"}")
                        .status())
                .isEqualTo(201);
    }

    @Test
    void wrongConsumerSecretGets401Code32() throws IOException {
        assertRefused(acme.withConsumer(sandbox.app().consumerKey(), "nope").get("2/users/me"), 401, 32);
        assertRefused(
                acme.withConsumer(sandbox.app().consumerKey(), "nope").get("1.1/account/verify_credentials.json"),
                401,
                32);
    }

    @Test
    void unknownConsumerKeyGets401Code32() throws IOException {
        assertRefused(
                acme.withConsumer("unknown-key", sandbox.app().consumerSecret()).get("2/users/me"), 401, 32);
    }

    @Test
    void wrongTokenSecretGets401Code32() throws IOException {
        SandboxAccount a = sandbox.account("acme");
        assertRefused(acme.withToken(a.accessToken(), "wrong").get("2/users/me"), 401, 32);
    }

    @Test
    void unknownOrRevokedTokenGets401Code89() throws IOException {
        assertRefused(acme.withToken("1-unknown", "x").get("2/users/me"), 401, 89);
        sandbox.flag("acme", AccountFlag.TOKEN_REVOKED);
        assertRefused(acme.get("2/users/me"), 401, 89);
    }

    @Test
    void timestampMoreThanFiveMinutesOffGets401Code135() throws IOException {
        assertThat(acme.withTimestampOffset(Duration.ofMinutes(5))
                        .get("2/users/me")
                        .status())
                .isEqualTo(200);
        assertRefused(
                acme.withTimestampOffset(Duration.ofMinutes(5).plusSeconds(1)).get("2/users/me"), 401, 135);
        assertRefused(
                acme.withTimestampOffset(Duration.ofMinutes(-6)).get("1.1/account/verify_credentials.json"), 401, 135);
    }

    @Test
    void aReplayedNonceGets401Code32AndChangesNothing() throws IOException {
        acme.postJson("2/tweets", "{\"text\":\"once\"}");
        String auth = acme.lastAuthorization;

        assertRefused(acme.sendRaw("POST", "2/tweets", auth, "{\"text\":\"once more\"}"), 401, 32);
        assertThat(sandbox.posts()).hasSize(1);
    }

    @Test
    void aTamperedFormBodyBreaksTheSignature() throws IOException {
        String auth = acme.authorization(
                "POST",
                sandbox.baseUrl() + "1.1/statuses/update.json",
                java.util.List.of(),
                java.util.List.of(new dev.bridle.sandbox.internal.oauth.Param("status", "original")));
        java.net.http.HttpResponse<String> r;
        try {
            r = java.net.http.HttpClient.newHttpClient()
                    .send(
                            java.net.http.HttpRequest.newBuilder(
                                            sandbox.v1BaseUrl().resolve("statuses/update.json"))
                                    .header("Authorization", auth)
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("status=tampered"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            throw new IOException(e);
        }
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(sandbox.posts()).isEmpty();
    }

    @Test
    void missingAuthorizationGets401() throws IOException {
        assertRefused(acme.sendRaw("GET", "2/users/me", "Bearer app-only", null), 401, 32);
    }

    @Test
    void unauthenticatedAnswersStillCarryRateLimitHeaders() throws IOException {
        TestClient.Response r = acme.withConsumer("unknown", "x").get("2/users/me");
        assertThat(r.header("x-rate-limit-limit")).isEqualTo("75");
        assertThat(r.header("x-rate-limit-remaining")).isEqualTo("75");
        assertThat(r.header("x-rate-limit-reset")).isNotNull();
    }
}
