package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** x-rate-limit-* headers, 15-minute windows per endpoint per account, 429 / 88 when used up. */
class RateLimitTest {
    private final MutableClock clock = TestClocks.golden();
    private Sandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private TestClient start(SandboxLimits limits) {
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .account("beta")
                .limits(limits)
                .build()
                .start();
        return TestClient.of(sandbox, clock, "acme");
    }

    @Test
    void headersCountDownThenTooManyRequestsUntilTheWindowResets() throws IOException {
        TestClient acme = start(SandboxLimits.defaults().withRateLimit("POST /2/tweets", 3));
        long reset = clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond();

        for (int i = 1; i <= 3; i++) {
            TestClient.Response r = acme.postJson("2/tweets", "{\"text\":\"post " + i + "\"}");
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.intHeader("x-rate-limit-limit")).isEqualTo(3);
            assertThat(r.intHeader("x-rate-limit-remaining")).isEqualTo(3 - i);
            assertThat(Long.parseLong(r.header("x-rate-limit-reset"))).isEqualTo(reset);
            clock.advance(Duration.ofMinutes(1));
        }
        TestClient.Response limited = acme.postJson("2/tweets", "{\"text\":\"post 4\"}");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().path("title").asText()).isEqualTo("Too Many Requests");
        assertThat(limited.json().path("errors").path(0).path("code").asInt()).isEqualTo(88);
        assertThat(limited.intHeader("x-rate-limit-remaining")).isZero();
        assertThat(Long.parseLong(limited.header("x-rate-limit-reset"))).isEqualTo(reset);
        assertThat(sandbox.posts()).hasSize(3);

        clock.advance(Duration.ofMinutes(12));
        TestClient.Response fresh = acme.postJson("2/tweets", "{\"text\":\"post 5\"}");
        assertThat(fresh.status()).isEqualTo(201);
        assertThat(fresh.intHeader("x-rate-limit-remaining")).isEqualTo(2);
        assertThat(Long.parseLong(fresh.header("x-rate-limit-reset")))
                .isEqualTo(clock.instant().plus(Duration.ofMinutes(15)).getEpochSecond());
    }

    @Test
    void windowsArePerEndpointAndPerAccount() throws IOException {
        TestClient acme = start(SandboxLimits.defaults().withRateLimit("GET /2/users/me", 1));
        TestClient beta = TestClient.of(sandbox, clock, "beta");

        assertThat(acme.get("2/users/me").status()).isEqualTo(200);
        assertThat(acme.get("2/users/me").status()).isEqualTo(429);
        assertThat(beta.get("2/users/me").status()).isEqualTo(200);
        TestClient.Response other = acme.get("2/users/by/username/beta");
        assertThat(other.status()).isEqualTo(200);
        assertThat(other.intHeader("x-rate-limit-limit")).isEqualTo(900);
        assertThat(other.intHeader("x-rate-limit-remaining")).isEqualTo(899);
    }

    @Test
    void publishedLimitsAreTheDefaults() {
        start(SandboxLimits.defaults());
        assertThat(sandbox.rateLimit("POST /2/tweets")).isEqualTo(100);
        assertThat(sandbox.rateLimit("POST /2/users/:id/following")).isEqualTo(50);
        assertThat(sandbox.rateLimit("POST /2/users/:id/likes")).isEqualTo(50);
        assertThat(sandbox.rateLimit("POST /2/users/:id/retweets")).isEqualTo(50);
        assertThat(sandbox.rateLimit("POST /2/dm_conversations/with/:participant_id/messages"))
                .isEqualTo(15);
        assertThat(sandbox.rateLimit("GET /2/users/:id/mentions")).isEqualTo(300);
        assertThat(sandbox.rateLimit("GET /2/users/me")).isEqualTo(75);
        assertThat(sandbox.rateLimit("GET /2/users/by/username/:username")).isEqualTo(900);
        // Follows lookup and the filtered-stream rules, per the current rate-limits page.
        assertThat(sandbox.rateLimit("GET /2/users/:id/following")).isEqualTo(300);
        assertThat(sandbox.rateLimit("GET /2/users/:id/followers")).isEqualTo(300);
        assertThat(sandbox.rateLimit("GET /2/tweets/search/stream/rules")).isEqualTo(450);
        assertThat(sandbox.rateLimit("POST /2/tweets/search/stream/rules")).isEqualTo(100);
        assertThat(sandbox.rateLimit("GET /1.1/statuses/mentions_timeline.json"))
                .isEqualTo(75);
        assertThat(sandbox.endpoints())
                .allSatisfy(e -> assertThat(sandbox.rateLimit(e)).isPositive());
    }

    @Test
    void v1UpdateLimitAnswers403Code185RatherThan429() throws IOException {
        TestClient acme = start(SandboxLimits.defaults().withRateLimit("POST /1.1/statuses/update.json", 1));

        assertThat(acme.postForm("1.1/statuses/update.json", "status", "one").status())
                .isEqualTo(200);
        TestClient.Response r = acme.postForm("1.1/statuses/update.json", "status", "two");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json().path("errors").path(0).path("code").asInt()).isEqualTo(185);
        assertThat(Long.parseLong(r.header("x-rate-limit-reset")))
                .isEqualTo(TestClocks.GOLDEN_START.plus(Duration.ofHours(3)).getEpochSecond());
    }

    @Test
    void anOverrideForAnUnknownEndpointIsRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Sandbox.builder()
                        .limits(SandboxLimits.defaults().withRateLimit("POST /2/nothing", 1))
                        .build())
                .hasMessageContaining("no endpoint POST /2/nothing");
        sandbox = Sandbox.builder().build();
    }
}
