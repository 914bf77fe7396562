package dev.bridle.internal.platform.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformException.Kind;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The real platform's v2 error bodies carry no {@code errors[].code}: they are classified by type, detail and status
 * (bodies from shared/reference/x-api-v2.md §2.2). And failures without an answer: only a connection never made is
 * certainly not applied.
 */
class ErrorClassifierTest {

    private static final Instant NOW = Instant.parse("2026-11-28T09:00:00Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static PlatformException classify(Endpoint endpoint, int status, String body) throws Exception {
        return classify(endpoint, status, body, null, null);
    }

    private static PlatformException classify(
            Endpoint endpoint, int status, String body, Instant rateReset, Instant dailyReset) throws Exception {
        JsonNode parsed = body == null ? MissingNode.getInstance() : JSON.readTree(body);
        return ErrorClassifier.classify(
                endpoint,
                status,
                parsed.path("errors").path(0).path("code").asInt(-1),
                parsed,
                rateReset,
                dailyReset,
                NOW);
    }

    @Test
    void aV2DuplicateIsRecognisedByItsDetail() throws Exception {
        PlatformException e = classify(Endpoint.V2_CREATE_POST, 403, """
                {"detail":"You are not allowed to create a Tweet with duplicate content.",
                 "type":"about:blank","title":"Forbidden","status":403}""");

        assertThat(e.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(e.errorCode()).isEqualTo(187);
        assertThat(e.getMessage())
                .isEqualTo("POST /2/tweets answered 403, code 187: "
                        + "You are not allowed to create a Tweet with duplicate content.");
    }

    @Test
    void aV2AppWithoutWritePermissionRestrictsTheAccount() throws Exception {
        PlatformException e = classify(Endpoint.V2_CREATE_POST, 403, """
                {"title":"Forbidden","status":403,
                 "detail":"Your client app is not configured with the appropriate oauth1 app permissions for this endpoint.",
                 "type":"https://api.twitter.com/2/problems/oauth1-permissions"}""");

        assertThat(e.kind()).isEqualTo(Kind.ACCOUNT_RESTRICTED);
        assertThat(e.errorCode()).isEqualTo(261);
    }

    @Test
    void aV2UnauthorizedIsBadCredentials() throws Exception {
        PlatformException e = classify(Endpoint.V2_ME, 401, """
                {"title":"Unauthorized","type":"about:blank","status":401,"detail":"Unauthorized"}""");

        assertThat(e.kind()).isEqualTo(Kind.BAD_CREDENTIALS);
    }

    @Test
    void aStaleTimestampIsNotTheAccountsFault() throws Exception {
        PlatformException e = classify(Endpoint.V1_UPDATE_STATUS, 401, """
                {"errors":[{"code":135,"message":"Could not authenticate you."}]}""");

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
    }

    @Test
    void aV2TooManyRequestsWaitsForTheResetOrAWindow() throws Exception {
        String body = """
                {"title":"Too Many Requests","type":"about:blank","status":429,"detail":"Too Many Requests"}""";
        Instant reset = NOW.plusSeconds(420);

        PlatformException withReset = classify(Endpoint.V2_CREATE_POST, 429, body, reset, null);
        PlatformException without = classify(Endpoint.V2_CREATE_POST, 429, body);

        assertThat(withReset.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(withReset.errorCode()).isEqualTo(88);
        assertThat(withReset.retryAt()).isEqualTo(reset);
        assertThat(without.retryAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aUsageCapIsARateLimit() throws Exception {
        PlatformException e = classify(Endpoint.V2_CREATE_POST, 429, """
                {"account_id":"1","product_name":"standard-basic","title":"UsageCapExceeded","period":"Monthly","scope":"Product",
                 "detail":"Usage cap exceeded: Monthly product cap","type":"https://api.twitter.com/2/problems/usage-capped"}""");

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
    }

    @Test
    void aLockedAccountIsRecognisedByItsDetail() throws Exception {
        PlatformException e = classify(Endpoint.V2_FOLLOW, 403, """
                {"title":"Forbidden","type":"about:blank","status":403,
                 "detail":"To protect our users from spam and other malicious activity, this account is temporarily locked."}""");

        assertThat(e.kind()).isEqualTo(Kind.ACCOUNT_RESTRICTED);
        assertThat(e.errorCode()).isEqualTo(326);
    }

    @Test
    void aDailyLimitLastsUntilThe24HourResetOrADay() throws Exception {
        String body = """
                {"errors":[{"code":185,"message":"User is over daily status update limit."}]}""";
        Instant reset = NOW.plus(Duration.ofHours(7));

        assertThat(classify(Endpoint.V2_CREATE_POST, 403, body, null, reset).retryAt())
                .isEqualTo(reset);
        assertThat(classify(Endpoint.V2_CREATE_POST, 403, body).retryAt()).isEqualTo(NOW.plus(Duration.ofHours(24)));
        assertThat(classify(Endpoint.V2_CREATE_POST, 403, body).kind()).isEqualTo(Kind.DAILY_LIMIT);
    }

    @Test
    void aServerErrorIsInDoubtForAWriteOnly() throws Exception {
        String body = """
                {"title":"Service Unavailable","type":"about:blank","status":503,"detail":"Service Unavailable"}""";

        assertThat(classify(Endpoint.V2_SEND_DM, 503, body).kind()).isEqualTo(Kind.IN_DOUBT);
        assertThat(classify(Endpoint.V2_UNFOLLOW, 502, null).kind()).isEqualTo(Kind.IN_DOUBT);
        assertThat(classify(Endpoint.V2_MENTIONS, 503, body).kind()).isEqualTo(Kind.NOT_APPLIED);
    }

    @Test
    void anInvalidRequestIsRejected() throws Exception {
        PlatformException e = classify(Endpoint.V2_CREATE_POST, 400, """
                {"errors":[{"parameters":{},"message":"Requests with bodies must have content-type of application/json."}],
                 "title":"Invalid Request","detail":"One or more parameters to your request was invalid.",
                 "type":"https://api.twitter.com/2/problems/invalid-request"}""");

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("content-type of application/json");
    }

    @Test
    void onlyAConnectionNeverMadeIsCertainlyNotApplied() {
        assertThat(ErrorClassifier.network(Endpoint.V2_CREATE_POST, new ConnectException("Connection refused"))
                        .kind())
                .isEqualTo(Kind.NOT_APPLIED);
        assertThat(ErrorClassifier.network(Endpoint.V2_CREATE_POST, new UnknownHostException("api.x.com"))
                        .kind())
                .isEqualTo(Kind.NOT_APPLIED);
        assertThat(ErrorClassifier.network(Endpoint.V2_CREATE_POST, new SocketTimeoutException("connect timed out"))
                        .kind())
                .isEqualTo(Kind.NOT_APPLIED);
        assertThat(ErrorClassifier.network(Endpoint.V2_CREATE_POST, new SocketTimeoutException("Read timed out"))
                        .kind())
                .isEqualTo(Kind.IN_DOUBT);
        assertThat(ErrorClassifier.network(Endpoint.V2_CREATE_POST, new SocketException("Connection reset"))
                        .kind())
                .isEqualTo(Kind.IN_DOUBT);
        assertThat(ErrorClassifier.network(
                                Endpoint.V2_CREATE_POST, new SocketException("Unexpected end of file from server"))
                        .kind())
                .isEqualTo(Kind.IN_DOUBT);
        assertThat(ErrorClassifier.network(Endpoint.V2_MENTIONS, new SocketTimeoutException("Read timed out"))
                        .kind())
                .isEqualTo(Kind.NOT_APPLIED);
    }
}
