package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API: inject inbound traffic, read what was sent, flags, reset. */
class AdminApiTest {
    private final MutableClock clock = TestClocks.golden();
    private Sandbox sandbox;
    private Admin admin;
    private TestClient acme;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .simulatedUser("ana")
                .build()
                .start();
        admin = new Admin(sandbox);
        acme = TestClient.of(sandbox, clock, "acme");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void indexListsTheEndpoints() throws IOException {
        JsonNode index = admin.get("").json();
        assertThat(index.path("endpoints").findValuesAsText("endpoint"))
                .contains(
                        "POST /admin/mentions",
                        "POST /admin/dms",
                        "GET /admin/sent/:handle",
                        "PUT /admin/faults",
                        "POST /admin/webhooks",
                        "POST /admin/reset",
                        "GET /admin/users");
    }

    @Test
    void injectedMentionsAndDmsReachTheApi() throws IOException {
        Admin.Response mention = admin.post("mentions", "{\"from\":\"ana\",\"to\":\"acme\",\"text\":\"hi there\"}");
        Admin.Response dm = admin.post("dms", "{\"from\":\"ana\",\"to\":\"acme\",\"text\":\"START\"}");

        assertThat(mention.status()).isEqualTo(201);
        assertThat(mention.json().path("text").asText()).isEqualTo("@acme hi there");
        assertThat(dm.status()).isEqualTo(201);
        JsonNode mentions =
                acme.get("2/users/" + sandbox.userId("acme") + "/mentions").json();
        assertThat(mentions.path("data").path(0).path("text").asText()).isEqualTo("@acme hi there");
        JsonNode events =
                acme.get("2/dm_events", "dm_event.fields", "sender_id").json();
        assertThat(events.path("data").path(0).path("sender_id").asText()).isEqualTo(sandbox.userId("ana"));

        Admin.Response reply = admin.post(
                "mentions",
                "{\"from\":\"ana\",\"inReplyTo\":\"" + mention.json().path("id").asText()
                        + "\",\"text\":\"and more\"}");
        assertThat(reply.json().path("inReplyToPostId").asText())
                .isEqualTo(mention.json().path("id").asText());
    }

    @Test
    void anInjectedMentionCarriesItsLanguageAndABadOneIs400() throws IOException {
        Admin.Response german =
                admin.post("mentions", "{\"from\":\"ana\",\"to\":\"acme\",\"text\":\"Hallo\",\"lang\":\"de\"}");
        assertThat(german.status()).isEqualTo(201);
        assertThat(acme.get("2/tweets/search/recent", "query", "hallo lang:de")
                        .json()
                        .path("meta")
                        .path("result_count")
                        .asInt())
                .isEqualTo(1);

        Admin.Response bad =
                admin.post("mentions", "{\"from\":\"ana\",\"to\":\"acme\",\"text\":\"hi\",\"lang\":\"German\"}");
        assertThat(bad.status()).isEqualTo(400);
    }

    @Test
    void sentListsEverythingAnAccountDid() throws IOException {
        String acmeId = sandbox.userId("acme");
        String anaId = sandbox.userId("ana");
        SandboxPost mention = sandbox.injectMention("ana", "acme", "q");
        acme.postJson("2/tweets", "{\"text\":\"a post\"}");
        acme.postJson(
                "2/tweets",
                "{\"text\":\"@ana a reply\",\"reply\":{\"in_reply_to_tweet_id\":\"" + mention.id() + "\"}}");
        acme.postJson("2/dm_conversations/with/" + anaId + "/messages", "{\"text\":\"a dm\"}");
        acme.postJson("2/users/" + acmeId + "/following", "{\"target_user_id\":\"" + anaId + "\"}");
        acme.postJson("2/users/" + acmeId + "/likes", "{\"tweet_id\":\"" + mention.id() + "\"}");
        acme.postJson("2/users/" + acmeId + "/retweets", "{\"tweet_id\":\"" + mention.id() + "\"}");

        Golden.assertMatches("admin/sent_acme", admin.get("sent/acme").json());
        assertThat(admin.get("sent").json().has("acme")).isTrue();
        assertThat(admin.get("sent/nobody").status()).isEqualTo(404);
    }

    @Test
    void accountsExposeTheirCredentialsAndFlagsCanBeSet() throws IOException {
        JsonNode accounts = admin.get("accounts").json();
        assertThat(accounts.path(0).path("accessToken").asText())
                .isEqualTo(sandbox.account("acme").accessToken());
        assertThat(admin.get("apps").json().path(0).path("consumerSecret").asText())
                .isEqualTo(sandbox.app().consumerSecret());

        Admin.Response set = admin.put("accounts/acme/flags", "{\"flags\":[\"LOCKED\"]}");
        assertThat(set.json().path("flags").path(0).asText()).isEqualTo("LOCKED");
        assertThat(acme.get("2/users/me").status()).isEqualTo(403);
        assertThat(admin.put("accounts/acme/flags", "{\"flags\":[\"NOPE\"]}").status())
                .isEqualTo(400);
        assertThat(admin.put("accounts/ana/flags", "{\"flags\":[]}").status()).isEqualTo(404);
    }

    @Test
    void usersListsAccountsAndSimulatedUsers() throws IOException {
        JsonNode users = admin.get("users").json();
        assertThat(users.findValuesAsText("handle")).containsExactly("acme", "ana");
        assertThat(users.path(1).path("account").asBoolean()).isFalse();
    }

    @Test
    void resetForgetsActivityButKeepsUsers() throws IOException {
        acme.postJson("2/tweets", "{\"text\":\"x\"}");
        assertThat(admin.post("reset", null).status()).isEqualTo(200);

        assertThat(sandbox.posts()).isEmpty();
        assertThat(sandbox.requests()).isEmpty();
        assertThat(acme.postJson("2/tweets", "{\"text\":\"x\"}").status())
                .as("no duplicate after reset")
                .isEqualTo(201);
    }

    @Test
    void badInputIsNamed() throws IOException {
        Admin.Response missing = admin.post("mentions", "{\"from\":\"ana\",\"to\":\"acme\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").asText()).contains("\"text\"");
        assertThat(admin.post("dms", "{\"from\":\"zed\",\"to\":\"acme\",\"text\":\"x\"}")
                        .json()
                        .path("error")
                        .asText())
                .contains("@zed");
        assertThat(admin.post("mentions", "not json").status()).isEqualTo(400);
        assertThat(admin.get("nothing/here").status()).isEqualTo(404);
    }

    @Test
    void rateLimitTableIsPublishedWithSources() throws IOException {
        JsonNode rates = admin.get("rate-limits").json();
        assertThat(rates.findValuesAsText("endpoint")).containsAll(sandbox.endpoints());
        assertThat(rates.findValuesAsText("source"))
                .allSatisfy(s -> assertThat(s).isNotBlank());
    }
}
