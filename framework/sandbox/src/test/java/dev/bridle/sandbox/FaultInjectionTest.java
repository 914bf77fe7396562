package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import twitter4j.Twitter;
import twitter4j.TwitterException;

/** Each fault kind, scripted and by fraction, in-process and through the admin API. */
class FaultInjectionTest {
    private MutableClock clock = TestClocks.golden();
    private final List<Duration> slept = new ArrayList<>();
    private Sandbox sandbox;

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private TestClient start(FaultPlan plan) {
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .simulatedUser("ana")
                .faults(plan)
                .sleeper(slept::add)
                .build()
                .start();
        return TestClient.of(sandbox, clock, "acme");
    }

    private static int code(TestClient.Response r) {
        return r.json().path("errors").path(0).path("code").asInt();
    }

    @Test
    void latencyWaitsThenAnswersNormally() throws IOException {
        TestClient acme = start(FaultPlan.builder()
                .script("POST /2/tweets", s -> s.then(Fault.latency(Duration.ofMillis(1500))))
                .build());

        assertThat(acme.postJson("2/tweets", "{\"text\":\"slow\"}").status()).isEqualTo(201);
        assertThat(slept).containsExactly(Duration.ofMillis(1500));
        assertThat(sandbox.posts()).hasSize(1);
    }

    @Test
    void scriptedSequenceOfServerErrorsDropAndPass() throws IOException {
        TestClient acme = start(FaultPlan.builder()
                .script(
                        "POST /2/tweets",
                        s -> s.times(2, Fault.serviceUnavailable()).then(Fault.dropAfter()))
                .build());

        TestClient.Response first = acme.postJson("2/tweets", "{\"text\":\"a\"}");
        TestClient.Response second = acme.postJson("2/tweets", "{\"text\":\"b\"}");
        assertThat(first.status()).isEqualTo(503);
        assertThat(code(first)).isEqualTo(130);
        assertThat(second.status()).isEqualTo(503);
        assertThat(sandbox.posts()).as("a 5xx fault changes nothing").isEmpty();

        assertThatThrownBy(() -> acme.postJson("2/tweets", "{\"text\":\"c\"}")).isInstanceOf(IOException.class);
        assertThat(sandbox.posts()).extracting(SandboxPost::text).containsExactly("c");

        assertThat(acme.postJson("2/tweets", "{\"text\":\"d\"}").status()).isEqualTo(201);
        assertThat(acme.get("2/users/me").status())
                .as("other endpoints are untouched")
                .isEqualTo(200);
        assertThat(sandbox.injectedFaults()).hasSize(3);
    }

    @Test
    void dropBeforeChangesNothingAndTheClientSeesAnIOException() {
        TestClient acme = start(FaultPlan.builder()
                .script("POST /2/users/:id/following", s -> s.then(Fault.dropBefore()))
                .build());

        assertThatThrownBy(() -> acme.postJson(
                        "2/users/" + sandbox.userId("acme") + "/following",
                        "{\"target_user_id\":\"" + sandbox.userId("ana") + "\"}"))
                .isInstanceOf(IOException.class);

        assertThat(sandbox.following("acme")).isEmpty();
        assertThat(sandbox.sent("acme").isEmpty()).isTrue();
    }

    @Test
    void dropAfterChangesStateOnceEvenThoughTheJdkResendsThePost() {
        clock = TestClocks.nearRealTime();
        start(FaultPlan.builder()
                .script("POST /1.1/statuses/update.json", s -> s.then(Fault.dropAfter()))
                .build());
        Twitter twitter = Twitter4jClients.twitter(sandbox, "acme");

        TwitterException e = catchThrowableOfType(TwitterException.class, () -> twitter.updateStatus("in doubt"));

        assertThat(e.isCausedByNetworkIssue()).isTrue();
        assertThat(sandbox.sent("acme").posts()).extracting(SandboxPost::text).containsExactly("in doubt");
        // Regression: HttpURLConnection re-sends a POST once when the connection fails before the status line
        // (sun.net.http.retryPost defaults to true), same Authorization header and all. The sandbox drops the
        // re-send too (same nonce), so the client sees the dropped connection, and the state changed once.
        assertThat(sandbox.requests())
                .extracting(SandboxRequest::endpoint, SandboxRequest::dropped)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("POST /1.1/statuses/update.json", true),
                        org.assertj.core.groups.Tuple.tuple("POST /1.1/statuses/update.json", true));
    }

    @Test
    void dropBeforeWithTwitter4jLeavesNothingBehind() {
        clock = TestClocks.nearRealTime();
        start(FaultPlan.builder()
                .script("POST /1.1/statuses/update.json", s -> s.then(Fault.dropBefore()))
                .build());
        Twitter twitter = Twitter4jClients.twitter(sandbox, "acme");

        TwitterException e = catchThrowableOfType(TwitterException.class, () -> twitter.updateStatus("never"));

        assertThat(e.isCausedByNetworkIssue()).isTrue();
        assertThat(sandbox.posts()).isEmpty();
    }

    @Test
    void tooManyRequestsFaultUsesUpTheWindow() throws IOException {
        TestClient acme = start(FaultPlan.builder()
                .script("GET /2/users/me", s -> s.then(Fault.tooManyRequests()))
                .build());

        TestClient.Response r = acme.get("2/users/me");
        assertThat(r.status()).isEqualTo(429);
        assertThat(code(r)).isEqualTo(88);
        assertThat(r.intHeader("x-rate-limit-remaining")).isZero();
        assertThat(acme.get("2/users/me").status()).isEqualTo(429);
        clock.advance(Duration.ofMinutes(15));
        assertThat(acme.get("2/users/me").status()).isEqualTo(200);
    }

    @Test
    void platformErrorFault() throws IOException {
        TestClient acme = start(FaultPlan.builder()
                .script("POST /1.1/*", s -> s.then(Fault.looksAutomated()))
                .build());

        TestClient.Response r = acme.postForm("1.1/statuses/update.json", "status", "x");

        assertThat(r.status()).isEqualTo(403);
        assertThat(r.json())
                .isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
                        .createObjectNode()
                        .set(
                                "errors",
                                new com.fasterxml.jackson.databind.ObjectMapper()
                                        .createArrayNode()
                                        .add(new com.fasterxml.jackson.databind.ObjectMapper()
                                                .createObjectNode()
                                                .put("code", 226)
                                                .put(
                                                        "message",
                                                        ((Fault.PlatformError) Fault.looksAutomated()).message()))));
    }

    @Test
    void fractionRulesAreDeterministicForASeed() throws IOException {
        List<Integer> firstRun = faultedIndexes();
        sandbox.close();
        List<Integer> secondRun = faultedIndexes();

        assertThat(firstRun).isEqualTo(secondRun).isNotEmpty().hasSizeLessThan(20);
    }

    private List<Integer> faultedIndexes() throws IOException {
        TestClient acme = start(FaultPlan.builder()
                .seed(42)
                .fraction("* /2/*", 0.3, Fault.status(500))
                .build());
        List<Integer> faulted = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            if (acme.get("2/users/by/username/ana").status() == 500) {
                faulted.add(i);
            }
        }
        return faulted;
    }

    @Test
    void faultsCanBeSetAndClearedThroughTheAdminApi() throws IOException {
        TestClient acme = start(FaultPlan.none());
        Admin admin = new Admin(sandbox);

        Admin.Response set = admin.put(
                "faults",
                "{\"seed\":1,\"rules\":[{\"endpoint\":\"POST /2/tweets\","
                        + "\"script\":[{\"fault\":\"status\",\"status\":502,\"times\":2},{\"fault\":\"dropBefore\"}]}]}");
        assertThat(set.status()).isEqualTo(200);
        assertThat(acme.postJson("2/tweets", "{\"text\":\"a\"}").status()).isEqualTo(502);
        assertThat(admin.get("faults").json().path("injected")).hasSize(1);

        assertThat(admin.delete("faults").status()).isEqualTo(200);
        assertThat(acme.postJson("2/tweets", "{\"text\":\"a\"}").status()).isEqualTo(201);

        Admin.Response bad = admin.put(
                "faults", "{\"rules\":[{\"endpoint\":\"POST /2/tweets\"," + "\"script\":[{\"fault\":\"explode\"}]}]}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("error").asText()).contains("rules[0].script[0].fault");
    }
}
