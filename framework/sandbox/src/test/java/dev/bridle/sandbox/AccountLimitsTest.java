package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Daily account limits (185, 161, 151), the account's own duplicate check (187) and account flags. */
class AccountLimitsTest {
    private final MutableClock clock = TestClocks.golden();
    private Sandbox sandbox;
    private TestClient acme;
    private String acmeId;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .account("beta")
                .simulatedUser("ana")
                .simulatedUser("ben")
                .simulatedUser("chloe")
                .limits(SandboxLimits.defaults()
                        .withDailyPosts(2)
                        .withDailyFollows(2)
                        .withDailyDms(2))
                .build()
                .start();
        acme = TestClient.of(sandbox, clock, "acme");
        acmeId = sandbox.userId("acme");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static int code(TestClient.Response r) {
        return r.json().path("errors").path(0).path("code").asInt();
    }

    @Test
    void dailyPostLimitCountsPostsRepliesAndRepostsOverARolling24Hours() throws IOException {
        SandboxPost mention = sandbox.injectMention("ana", "acme", "hi");
        assertThat(acme.postJson("2/tweets", "{\"text\":\"one\"}").status()).isEqualTo(201);
        assertThat(acme.postJson("2/users/" + acmeId + "/retweets", "{\"tweet_id\":\"" + mention.id() + "\"}")
                        .status())
                .isEqualTo(200);

        TestClient.Response v2 = acme.postJson("2/tweets", "{\"text\":\"three\"}");
        TestClient.Response v1 = acme.postForm("1.1/statuses/update.json", "status", "three");
        assertThat(v2.status()).isEqualTo(403);
        assertThat(code(v2)).isEqualTo(185);
        assertThat(v1.status()).isEqualTo(403);
        assertThat(code(v1)).isEqualTo(185);

        clock.advance(Duration.ofHours(24));
        assertThat(acme.postJson("2/tweets", "{\"text\":\"three\"}").status()).isEqualTo(201);
    }

    @Test
    void dailyFollowLimitAnswers161() throws IOException {
        for (String u : new String[] {"ana", "ben"}) {
            assertThat(acme.postJson(
                                    "2/users/" + acmeId + "/following",
                                    "{\"target_user_id\":\"" + sandbox.userId(u) + "\"}")
                            .status())
                    .isEqualTo(200);
        }
        TestClient.Response r = acme.postJson(
                "2/users/" + acmeId + "/following", "{\"target_user_id\":\"" + sandbox.userId("chloe") + "\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(code(r)).isEqualTo(161);
        assertThat(sandbox.following("acme")).hasSize(2);
    }

    @Test
    void dailyDmLimitAnswers151() throws IOException {
        String ana = sandbox.userId("ana");
        acme.postJson("2/dm_conversations/with/" + ana + "/messages", "{\"text\":\"1\"}");
        acme.postJson("2/dm_conversations/with/" + ana + "/messages", "{\"text\":\"2\"}");
        TestClient.Response r = acme.postJson("2/dm_conversations/with/" + ana + "/messages", "{\"text\":\"3\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(code(r)).isEqualTo(151);
    }

    @Test
    void duplicateIsPerAccountAndWithinTheWindowIncludingDeletedPosts() throws IOException {
        sandbox.close();
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .account("beta")
                .build()
                .start();
        acme = TestClient.of(sandbox, clock, "acme");
        TestClient beta = TestClient.of(sandbox, clock, "beta");

        String id = acme.postJson("2/tweets", "{\"text\":\"Big news today\"}")
                .json()
                .path("data")
                .path("id")
                .asText();
        acme.delete("2/tweets/" + id);
        TestClient.Response again = acme.postJson("2/tweets", "{\"text\":\"Big news today\"}");
        assertThat(again.status()).isEqualTo(403);
        assertThat(code(again)).isEqualTo(187);
        assertThat(again.json().path("detail").asText())
                .isEqualTo("You are not allowed to create a Tweet with duplicate content.");
        assertThat(beta.postJson("2/tweets", "{\"text\":\"Big news today\"}").status())
                .as("the platform's own check is per account")
                .isEqualTo(201);

        clock.advance(SandboxLimits.DEFAULT_DUPLICATE_WINDOW.plusSeconds(1));
        assertThat(acme.postJson("2/tweets", "{\"text\":\"Big news today\"}").status())
                .isEqualTo(201);
    }

    @Test
    void lockedAccountGets326OnEverything() throws IOException {
        sandbox.flag("acme", AccountFlag.LOCKED);
        assertThat(code(acme.get("2/users/me"))).isEqualTo(326);
        TestClient.Response r = acme.postForm("1.1/statuses/update.json", "status", "x");
        assertThat(r.status()).isEqualTo(403);
        assertThat(code(r)).isEqualTo(326);
        sandbox.clearFlags("acme");
        assertThat(acme.get("2/users/me").status()).isEqualTo(200);
    }

    @Test
    void writeRestrictedAccountGets261OnWritesOnly() throws IOException {
        sandbox.flag("acme", AccountFlag.WRITE_RESTRICTED);
        TestClient.Response r = acme.postJson("2/tweets", "{\"text\":\"x\"}");
        assertThat(r.status()).isEqualTo(403);
        assertThat(code(r)).isEqualTo(261);
        assertThat(r.json().path("type").asText()).isEqualTo("https://api.twitter.com/2/problems/oauth1-permissions");
        assertThat(acme.get("2/users/me").status()).isEqualTo(200);
    }

    @Test
    void flaggedAutomatedAccountGets226OnPostsAndDms() throws IOException {
        sandbox.flag("acme", AccountFlag.FLAGGED_AUTOMATED);
        assertThat(code(acme.postJson("2/tweets", "{\"text\":\"x\"}"))).isEqualTo(226);
        assertThat(code(acme.postJson(
                        "2/dm_conversations/with/" + sandbox.userId("ana") + "/messages", "{\"text\":\"x\"}")))
                .isEqualTo(226);
        assertThat(sandbox.sent("acme").isEmpty()).isTrue();
    }

    @Test
    void textLongerThan280IsRefused() throws IOException {
        String text = "x".repeat(281);
        TestClient.Response v2 = acme.postJson("2/tweets", "{\"text\":\"" + text + "\"}");
        assertThat(v2.status()).isEqualTo(400);
        assertThat(code(v2)).isEqualTo(186);
        TestClient.Response v1 = acme.postForm("1.1/statuses/update.json", "status", text);
        assertThat(v1.status()).isEqualTo(403);
        assertThat(code(v1)).isEqualTo(186);
    }
}
