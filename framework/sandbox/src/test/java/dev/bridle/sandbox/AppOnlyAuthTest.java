package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * X's app-only authentication (xdevplatform/docs application-only.mdx): {@code POST /oauth2/token} and
 * {@code /oauth2/invalidate_token} with their one documented refusal, and the filtered stream's rules, which take a
 * bearer token only and answer OAuth 1.0a user context with X's 403.
 */
class AppOnlyAuthTest {
    private static final String RULES = "2/tweets/search/stream/rules";
    /** The body application-only.mdx gives for every refused token request. */
    private static final String UNVERIFIED =
            "{\"errors\":[{\"code\":99,\"label\":\"authenticity_token_error\",\"message\":\"Unable to verify your credentials\"}]}";

    private final MutableClock clock = TestClocks.golden();
    private Sandbox sandbox;
    private SandboxApp app;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder()
                .clock(clock)
                .app(Sandbox.DEFAULT_APP_NAME, "ck-acme", "cs-acme")
                // a key and secret that change under URL encoding, as X asks clients to encode them
                .app("odd", "key+with/odd=chars", "secret:with%colon&more")
                .account("acme")
                .build()
                .start();
        app = sandbox.app();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void theAppGetsOneBearerTokenUntilItIsInvalidated() throws IOException {
        TestClient.Response first = TestClient.requestToken(
                sandbox, app.consumerKey(), app.consumerSecret(), "grant_type=client_credentials");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("content-type")).startsWith("application/json");
        JsonNode body = first.json();
        assertThat(body.path("token_type").asText()).isEqualTo("bearer");
        String token = body.path("access_token").asText();
        assertThat(token).startsWith("AAAA").contains("%2F", "%3D");
        assertThat(TestClient.bearerToken(sandbox, app.consumerKey(), app.consumerSecret()))
                .isEqualTo(token);

        TestClient.Response invalidated = TestClient.basic(
                sandbox,
                "oauth2/invalidate_token",
                app.consumerKey(),
                app.consumerSecret(),
                "access_token=" + java.net.URLEncoder.encode(token, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(invalidated.status()).isEqualTo(200);
        assertThat(invalidated.json().path("access_token").asText()).isEqualTo(token);

        TestClient stale = TestClient.of(sandbox, clock, "acme").withBearer(token);
        TestClient.Response refused = stale.get(RULES);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("errors").path(0).path("code").asInt()).isEqualTo(89);
        assertThat(refused.body()).doesNotContain(token);

        String next = TestClient.bearerToken(sandbox, app.consumerKey(), app.consumerSecret());
        assertThat(next).isNotEqualTo(token);
        assertThat(stale.withBearer(next).get(RULES).status()).isEqualTo(200);
    }

    @Test
    void urlEncodedKeyAndSecretAreDecodedBeforeTheyAreChecked() throws IOException {
        TestClient.Response r = TestClient.requestToken(
                sandbox, "key+with/odd=chars", "secret:with%colon&more", "grant_type=client_credentials");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("access_token").asText())
                .isNotEqualTo(TestClient.bearerToken(sandbox, app.consumerKey(), app.consumerSecret()));
    }

    @Test
    void everyBadTokenRequestIsXs403Code99() throws IOException {
        assertThat(TestClient.requestToken(sandbox, app.consumerKey(), "wrong", "grant_type=client_credentials"))
                .satisfies(AppOnlyAuthTest::unverified);
        assertThat(TestClient.requestToken(
                        sandbox, "no-such-app", app.consumerSecret(), "grant_type=client_credentials"))
                .satisfies(AppOnlyAuthTest::unverified);
        assertThat(TestClient.requestToken(sandbox, app.consumerKey(), app.consumerSecret(), "grant_type=password"))
                .satisfies(AppOnlyAuthTest::unverified);
        assertThat(TestClient.requestToken(sandbox, app.consumerKey(), app.consumerSecret(), ""))
                .satisfies(AppOnlyAuthTest::unverified);
        // another app's secret with this app's key
        assertThat(TestClient.requestToken(
                        sandbox, app.consumerKey(), "secret:with%colon&more", "grant_type=client_credentials"))
                .satisfies(AppOnlyAuthTest::unverified);
        // no Basic credentials at all
        TestClient.Response unsigned =
                TestClient.of(sandbox, clock, "acme").sendRaw("POST", "oauth2/token", "Bearer x", null);
        unverified(unsigned);
        // invalidating a token the app does not hold
        unverified(TestClient.basic(
                sandbox, "oauth2/invalidate_token", app.consumerKey(), app.consumerSecret(), "access_token=AAAAnope"));
        assertThat(sandbox.requests())
                .extracting(SandboxRequest::status)
                .hasSize(7)
                .containsOnly(403);
    }

    @Test
    void streamRulesRefuseUserContextWithXs403() throws IOException {
        TestClient signed = TestClient.of(sandbox, clock, "acme");
        for (TestClient.Response r : new TestClient.Response[] {
            signed.get(RULES), signed.postJson(RULES, "{\"add\":[{\"value\":\"harbour\"}]}")
        }) {
            assertThat(r.status()).isEqualTo(403);
            JsonNode body = r.json();
            assertThat(body.path("title").asText()).isEqualTo("Unsupported Authentication");
            assertThat(body.path("type").asText())
                    .isEqualTo("https://api.twitter.com/2/problems/unsupported-authentication");
            assertThat(body.path("status").asInt()).isEqualTo(403);
            assertThat(body.path("detail").asText())
                    .isEqualTo("Authenticating with OAuth 1.0a User Context is forbidden for this endpoint."
                            + "  Supported authentication types are [OAuth 2.0 Application-Only].");
        }
        // nothing was added by the refused POST
        assertThat(TestClient.appOnly(sandbox, clock, "acme").get(RULES).json().has("data"))
                .isFalse();
        // the same signature still works where X takes user context
        assertThat(signed.get("2/users/me").status()).isEqualTo(200);
    }

    @Test
    void streamRulesWithoutCredentialsOrWithBasicAre401() throws IOException {
        TestClient any = TestClient.of(sandbox, clock, "acme");
        assertThat(any.sendRaw("GET", RULES, "", null).status()).isEqualTo(401);
        assertThat(any.sendRaw("GET", RULES, "Basic Y2s6Y3M=", null).status()).isEqualTo(401);
        assertThat(any.withBearer("AAAAnever-issued")
                        .get(RULES)
                        .json()
                        .path("errors")
                        .path(0)
                        .path("code")
                        .asInt())
                .isEqualTo(89);
    }

    @Test
    void rulesBelongToTheAppTheTokenWasIssuedTo() throws IOException {
        TestClient acme = TestClient.appOnly(sandbox, clock, "acme");
        TestClient odd = TestClient.of(sandbox, clock, "acme")
                .withBearer(TestClient.bearerToken(sandbox, "key+with/odd=chars", "secret:with%colon&more"));
        assertThat(acme.postJson(RULES, "{\"add\":[{\"value\":\"harbour\"}]}").status())
                .isEqualTo(201);
        assertThat(odd.get(RULES).json().has("data")).isFalse();
        assertThat(odd.postJson(RULES, "{\"add\":[{\"value\":\"quay\"}]}").status())
                .isEqualTo(201);
        assertThat(acme.get(RULES).json().path("data").findValuesAsText("value"))
                .containsExactly("harbour");
        assertThat(odd.get(RULES).json().path("data").findValuesAsText("value")).containsExactly("quay");
    }

    private static void unverified(TestClient.Response r) {
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.body()).isEqualTo(UNVERIFIED);
    }
}
