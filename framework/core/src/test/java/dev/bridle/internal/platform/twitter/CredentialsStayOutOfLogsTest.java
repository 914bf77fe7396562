package dev.bridle.internal.platform.twitter;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.bridle.bot.Account;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.platform.PlatformException;
import dev.bridle.sandbox.AccountFlag;
import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * No credential reaches a log line, an exception message or standard output, whatever happens: successes, every kind of
 * refusal, dropped connections. Everything is logged at TRACE meanwhile, twitter4j included.
 */
class CredentialsStayOutOfLogsTest {

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private Level rootLevel;
    private SandboxFixture fixture;

    @BeforeEach
    void captureEverything() {
        rootLevel = root.getLevel();
        root.setLevel(Level.TRACE);
        logs.start();
        root.addAppender(logs);
        fixture = new SandboxFixture();
    }

    @AfterEach
    void restore() {
        fixture.close();
        root.detachAppender(logs);
        root.setLevel(rootLevel);
    }

    @Test
    void noPartOfAnyCredentialAppearsAnywhere() throws Exception {
        List<String> seen = new ArrayList<>();
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            for (ApiVersion api : ApiVersion.values()) {
                TwitterPlatform platform = fixture.platform(api);
                Account acme = fixture.account("acme");
                String ana = fixture.sandbox.userId("ana");
                platform.verifyCredentials(new Account("acme", null));
                platform.perform(Actions.post(acme, "hello from " + api));
                platform.mentionsSince(acme, null);
                seen.add(refusal(platform, Actions.post(acme, "hello from " + api)));
                fixture.sandbox.faults(FaultPlan.builder()
                        .script(
                                "* /*",
                                s -> s.then(Fault.dropAfter())
                                        .then(Fault.serviceUnavailable())
                                        .then(Fault.tooManyRequests()))
                        .build());
                seen.add(refusal(platform, Actions.follow(acme, ana)));
                seen.add(refusal(platform, Actions.message(acme, ana, "hi")));
                seen.add(refusal(platform, Actions.post(acme, "limited")));
                fixture.sandbox.clearFaults();
                for (AccountFlag flag : AccountFlag.values()) {
                    fixture.sandbox.flag("beta", flag);
                    seen.add(refusal(platform, Actions.post(fixture.account("beta"), "flagged " + flag)));
                }
                fixture.sandbox.clearFlags("beta");
                TwitterPlatform crossed = fixture.builder(api)
                        .account("gamma", fixture.credentials("beta"))
                        .build();
                seen.add(refusal(() -> crossed.verifyCredentials(new Account("gamma", null))));
                // the adapters of one fixture share its rate-limit state: the next API starts after the 429's reset
                fixture.clock.advance(java.time.Duration.ofMinutes(16));
            }
        } finally {
            System.setOut(stdout);
        }
        for (ILoggingEvent event : logs.list) {
            seen.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                seen.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        seen.add(captured.toString(StandardCharsets.UTF_8));

        assertThat(seen).hasSizeGreaterThan(10);
        for (String secret : secrets()) {
            assertThat(seen).noneSatisfy(text -> assertThat(text).contains(secret));
        }
    }

    @Test
    void theAppsBearerTokenAppearsNowhere() throws Exception {
        List<String> seen = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            TwitterPlatform platform = fixture.platform(ApiVersion.V2);
            Account acme = fixture.account("acme");
            platform.addStreamRule(acme, "harbour", "ferries");
            tokens.add(currentToken());
            seen.add(refusal(() -> platform.addStreamRule(acme, "harbour", null)));
            seen.add(refusal(() -> platform.addStreamRule(acme, "harbour has:images", null)));
            fixture.sandbox.invalidateBearerToken(fixture.sandbox.app().consumerKey());
            platform.streamRules(acme);
            tokens.add(currentToken());
            fixture.sandbox.faults(FaultPlan.builder()
                    .script(
                            "GET /2/tweets/search/stream/rules",
                            s -> s.times(2, Fault.error(401, 89, "Invalid or expired token"))
                                    .then(Fault.serviceUnavailable())
                                    .then(Fault.dropAfter()))
                    .build());
            seen.add(refusal(() -> platform.streamRules(acme)));
            seen.add(refusal(() -> platform.streamRules(acme)));
            seen.add(refusal(() -> platform.streamRules(acme)));
            fixture.sandbox.clearFaults();
            Credentials real = fixture.credentials("acme");
            TwitterPlatform wrongSecret = TwitterPlatform.builder()
                    .baseUrl(fixture.sandbox.baseUrl().toString())
                    .clock(fixture.clock)
                    .account(
                            "gamma",
                            new Credentials(
                                    real.consumerKey(),
                                    dev.bridle.internal.secret.Secret.of(
                                            real.consumerSecret().reveal() + "x"),
                                    real.accessToken(),
                                    real.accessTokenSecret()))
                    .build();
            seen.add(refusal(() -> wrongSecret.streamRules(new Account("gamma", null))));
        } finally {
            System.setOut(stdout);
        }
        for (ILoggingEvent event : logs.list) {
            seen.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                seen.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        seen.add(captured.toString(StandardCharsets.UTF_8));

        assertThat(tokens).doesNotHaveDuplicates().allSatisfy(t -> assertThat(t).contains("%2F"));
        assertThat(seen).hasSizeGreaterThan(5);
        List<String> hidden = new ArrayList<>(secrets());
        for (String token : tokens) {
            // as issued, as twitter4j keeps it (decoded), and its random middle alone
            hidden.add(token);
            hidden.add(java.net.URLDecoder.decode(token, StandardCharsets.UTF_8));
            hidden.add(token.substring(21, 43));
        }
        for (String secret : hidden) {
            assertThat(seen).noneSatisfy(text -> assertThat(text).contains(secret));
        }
    }

    /** The app's current bearer token, asked of the sandbox as any client of the app may (X gives the same one). */
    private String currentToken() throws Exception {
        Credentials c = fixture.credentials("acme");
        String basic = java.util.Base64.getEncoder()
                .encodeToString(
                        (c.consumerKey().reveal() + ":" + c.consumerSecret().reveal())
                                .getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        fixture.sandbox.baseUrl().resolve("oauth2/token"))
                                .header("Authorization", "Basic " + basic)
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        "grant_type=client_credentials"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(200);
        return new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(r.body())
                .path("access_token")
                .asText();
    }

    private List<String> secrets() {
        List<String> secrets = new ArrayList<>();
        for (String handle : List.of("acme", "beta")) {
            Credentials c = fixture.credentials(handle);
            secrets.addAll(List.of(
                    c.consumerKey().reveal(),
                    c.consumerSecret().reveal(),
                    c.accessToken().reveal(),
                    c.accessTokenSecret().reveal()));
        }
        return secrets;
    }

    private interface Call {
        void run() throws PlatformException;
    }

    private static String refusal(TwitterPlatform platform, ActionRequest request) {
        return refusal(() -> platform.perform(request));
    }

    private static String refusal(Call call) {
        try {
            call.run();
            return "";
        } catch (PlatformException e) {
            StringBuilder text = new StringBuilder(String.valueOf(e));
            for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                text.append(" / ").append(t);
            }
            return text.toString();
        }
    }
}
