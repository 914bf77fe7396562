package dev.bridle.internal.platform.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.Account;
import dev.bridle.bot.StreamRule;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.secret.Secret;
import dev.bridle.platform.PlatformException;
import dev.bridle.sandbox.SandboxRequest;
import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The stream-rule calls carry the app's bearer token, as X asks, against the real sandbox (which refuses OAuth 1.0a
 * user context there with X's 403): one token per app, fetched once through twitter4j, replaced once when refused.
 */
class TwitterPlatformAppOnlyTest {
    private static final String RULES_PATH = "/2/tweets/search/stream/rules";
    private static final String TOKEN_PATH = "/oauth2/token";

    private final SandboxFixture fx = new SandboxFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    private Account acme() {
        return fx.account("acme");
    }

    private List<String> sandboxSaw() {
        return fx.requests().stream()
                .filter(r -> r.path().equals(RULES_PATH) || r.path().equals(TOKEN_PATH))
                .map(r -> r.method() + " " + r.path() + " " + r.status())
                .toList();
    }

    @Test
    void theSignedRequestTheAdapterUsedToSendIsRefusedWithXs403() {
        SignedHttp userContext = new SignedHttp(
                "acme",
                this::acme,
                fx.credentials("acme"),
                TwitterPlatform.DEFAULT_CONNECT_TIMEOUT,
                TwitterPlatform.DEFAULT_READ_TIMEOUT,
                fx.limits,
                fx.clock,
                WireTap.NONE,
                null);
        String url = Urls.of(fx.sandbox.baseUrl().toString()).v2() + "tweets/search/stream/rules";

        assertThatThrownBy(() -> userContext.get(Endpoint.V2_STREAM_RULES, url, Map.of()))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.errorCode()).isEqualTo(220);
                    // a 403 for this resource, not the account: nothing is paused for it
                    assertThat(e.kind()).isEqualTo(PlatformException.Kind.REJECTED);
                });
    }

    @Test
    void rulesGoOutWithTheAppsBearerTokenFetchedOnceForAllItsAccounts() throws PlatformException {
        TwitterPlatform x = fx.platform(ApiVersion.V2);
        StreamRule ferry = x.addStreamRule(acme(), "harbour ferry", null);
        assertThat(x.streamRules(fx.account("beta"))).containsExactly(ferry);
        assertThat(x.deleteStreamRules(acme(), List.of(ferry.id()))).containsExactly(ferry.id());

        assertThat(sandboxSaw())
                .containsExactly(
                        "POST " + TOKEN_PATH + " 200",
                        "POST " + RULES_PATH + " 201",
                        "GET " + RULES_PATH + " 200",
                        "POST " + RULES_PATH + " 200");
        // app-only: no account authenticated these requests
        assertThat(fx.requests())
                .filteredOn(r -> r.path().equals(RULES_PATH))
                .extracting(SandboxRequest::account)
                .containsOnlyNulls();
        assertThat(fx.wire).extracting(SandboxFixture.Sent::endpoint).startsWith("POST /oauth2/token");
        // other calls still sign as the account
        x.verifyCredentials(acme());
        assertThat(fx.requests().get(fx.requests().size() - 1).account()).isEqualTo("acme");
    }

    @Test
    void aTokenTheSandboxInvalidatedIsReplacedOnceAndTheCallMadeAgain() throws PlatformException {
        TwitterPlatform x = fx.platform(ApiVersion.V2);
        x.streamRules(acme());
        assertThat(fx.sandbox.invalidateBearerToken(fx.sandbox.app().consumerKey()))
                .isTrue();

        StreamRule quay = x.addStreamRule(acme(), "quay", null);
        assertThat(x.streamRules(acme())).containsExactly(quay);

        assertThat(sandboxSaw())
                .containsExactly(
                        "POST " + TOKEN_PATH + " 200",
                        "GET " + RULES_PATH + " 200",
                        "POST " + RULES_PATH + " 401",
                        "POST " + TOKEN_PATH + " 200",
                        "POST " + RULES_PATH + " 201",
                        "GET " + RULES_PATH + " 200");
    }

    @Test
    void aSecondRefusalIsTheAnswerNotALoop() {
        TwitterPlatform x = fx.platform(ApiVersion.V2);
        fx.sandbox.faults(FaultPlan.builder()
                .script("GET " + RULES_PATH, s -> s.times(3, Fault.error(401, 89, "Invalid or expired token")))
                .build());

        assertThatThrownBy(() -> x.streamRules(acme())).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(PlatformException.Kind.BAD_CREDENTIALS);
            assertThat(e.httpStatus()).isEqualTo(401);
        });
        assertThat(sandboxSaw())
                .containsExactly(
                        "POST " + TOKEN_PATH + " 200",
                        "GET " + RULES_PATH + " 401",
                        "POST " + TOKEN_PATH + " 200",
                        "GET " + RULES_PATH + " 401");
    }

    @Test
    void appCredentialsXCannotVerifyAreBadCredentialsAndNoRuleCallIsMade() {
        Credentials acme = fx.credentials("acme");
        // alone: an app's token is fetched with the first credentials given for its consumer key
        TwitterPlatform x = TwitterPlatform.builder()
                .baseUrl(fx.sandbox.baseUrl().toString())
                .clock(fx.clock)
                .account(
                        "gamma",
                        new Credentials(
                                acme.consumerKey(),
                                Secret.of("not-the-consumer-secret"),
                                acme.accessToken(),
                                acme.accessTokenSecret()))
                .build();

        assertThatThrownBy(() -> x.addStreamRule(new Account("gamma", null), "harbour", null))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformException.Kind.BAD_CREDENTIALS);
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.errorCode()).isEqualTo(99);
                    assertThat(e.getMessage())
                            .isEqualTo("POST /oauth2/token answered 403, code 99: Unable to verify your credentials"
                                    + " (no app-only bearer token; the call that needed it was not made)")
                            .doesNotContain("not-the-consumer-secret");
                });
        assertThat(sandboxSaw()).containsExactly("POST " + TOKEN_PATH + " 403");
    }
}
