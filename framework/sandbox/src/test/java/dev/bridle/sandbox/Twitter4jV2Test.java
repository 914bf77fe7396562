package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import twitter4j.HttpClient;
import twitter4j.HttpClientFactory;
import twitter4j.HttpParameter;
import twitter4j.HttpResponse;
import twitter4j.JSONException;
import twitter4j.JSONObject;
import twitter4j.TwitterException;
import twitter4j.auth.OAuthAuthorization;
import twitter4j.conf.Configuration;

/**
 * v2 calls made the way a Java client without a v2 library makes them: twitter4j's {@code HttpClient} with an
 * {@code OAuthAuthorization}, JSON bodies as a single {@code HttpParameter(JSONObject)}. twitter4j leaves the JSON
 * parameter out of the signature base string, and the sandbox accepts exactly that.
 */
class Twitter4jV2Test {
    private MutableClock clock;
    private Sandbox sandbox;
    private HttpClient http;
    private OAuthAuthorization auth;
    private String base;
    private String acmeId;

    @BeforeEach
    void start() {
        clock = TestClocks.nearRealTime();
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .simulatedUser("ana")
                .build()
                .start();
        Configuration conf = Twitter4jClients.configuration(sandbox, "acme");
        http = HttpClientFactory.getInstance(conf.getHttpClientConfiguration());
        auth = new OAuthAuthorization(conf);
        base = sandbox.v2BaseUrl().toString();
        acmeId = sandbox.userId("acme");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse postJson(String path, JSONObject body, OAuthAuthorization authorization)
            throws TwitterException {
        return http.post(base + path, new HttpParameter[] {new HttpParameter(body)}, authorization, null);
    }

    @Test
    void createPostWithJsonBody() throws TwitterException, JSONException {
        HttpResponse res = postJson("tweets", new JSONObject().put("text", "Hello v2 & friends: *~+"), auth);

        assertThat(res.getStatusCode()).isEqualTo(201);
        JSONObject data = res.asJSONObject().getJSONObject("data");
        assertThat(data.getString("text"))
                .as("escaped as the platform shows post text")
                .isEqualTo("Hello v2 &amp; friends: *~+");
        assertThat(sandbox.sent("acme").posts())
                .extracting(SandboxPost::text)
                .containsExactly("Hello v2 & friends: *~+");
        assertThat(sandbox.sent("acme").posts()).extracting(SandboxPost::id).containsExactly(data.getString("id"));
        assertThat(res.getResponseHeader("x-rate-limit-limit")).isEqualTo("100");
    }

    @Test
    void followDmLikeRetweetAndDelete() throws TwitterException, JSONException {
        String anaId = sandbox.userId("ana");
        SandboxPost mention = sandbox.injectMention("ana", "acme", "hello");

        assertThat(postJson("users/" + acmeId + "/following", new JSONObject().put("target_user_id", anaId), auth)
                        .asJSONObject()
                        .getJSONObject("data")
                        .getBoolean("following"))
                .isTrue();
        HttpResponse dm =
                postJson("dm_conversations/with/" + anaId + "/messages", new JSONObject().put("text", "thanks!"), auth);
        assertThat(dm.getStatusCode()).isEqualTo(201);
        assertThat(postJson("users/" + acmeId + "/likes", new JSONObject().put("tweet_id", mention.id()), auth)
                        .asJSONObject()
                        .getJSONObject("data")
                        .getBoolean("liked"))
                .isTrue();
        assertThat(postJson("users/" + acmeId + "/retweets", new JSONObject().put("tweet_id", mention.id()), auth)
                        .asJSONObject()
                        .getJSONObject("data")
                        .getBoolean("retweeted"))
                .isTrue();
        String postId = postJson("tweets", new JSONObject().put("text", "bye"), auth)
                .asJSONObject()
                .getJSONObject("data")
                .getString("id");
        assertThat(http.delete(base + "tweets/" + postId, null, auth, null)
                        .asJSONObject()
                        .getJSONObject("data")
                        .getBoolean("deleted"))
                .isTrue();
        assertThat(http.delete(base + "users/" + acmeId + "/following/" + anaId, null, auth, null)
                        .asJSONObject()
                        .getJSONObject("data")
                        .getBoolean("following"))
                .isFalse();

        SentActivity sent = sandbox.sent("acme");
        assertThat(sent.follows()).hasSize(2);
        assertThat(sent.dms()).hasSize(1);
        assertThat(sent.likes()).hasSize(1);
        assertThat(sent.reposts()).hasSize(1);
    }

    @Test
    void getWithQueryParametersSignsThem() throws TwitterException, JSONException {
        sandbox.injectMention("ana", "acme", "one");
        HttpResponse res = http.get(
                base + "users/" + acmeId + "/mentions",
                new HttpParameter[] {
                    new HttpParameter("max_results", 5),
                    new HttpParameter("tweet.fields", "author_id,created_at"),
                    new HttpParameter("expansions", "author_id")
                },
                auth,
                null);

        JSONObject body = res.asJSONObject();
        assertThat(body.getJSONObject("meta").getInt("result_count")).isEqualTo(1);
        assertThat(body.getJSONArray("data").getJSONObject(0).getString("author_id"))
                .isEqualTo(sandbox.userId("ana"));
        assertThat(body.getJSONObject("includes")
                        .getJSONArray("users")
                        .getJSONObject(0)
                        .getString("username"))
                .isEqualTo("ana");
    }

    @Test
    void linksReadBackAsTcoLinksWithTheLinkWrittenInTheirEntities() throws TwitterException, JSONException {
        String written = "Release 2.4 <notes>: https://example.com/releases/2.4?a=1&b=2, and http://acme.dev.";
        postJson("tweets", new JSONObject().put("text", written), auth);

        HttpResponse res = http.get(
                base + "users/" + acmeId + "/tweets",
                new HttpParameter[] {new HttpParameter("tweet.fields", "entities")},
                auth,
                null);

        JSONObject post = res.asJSONObject().getJSONArray("data").getJSONObject(0);
        String shown = post.getString("text");
        assertThat(shown)
                .matches(
                        "Release 2\\.4 &lt;notes&gt;: https://t\\.co/[0-9A-Za-z]{10}, and https://t\\.co/[0-9A-Za-z]{10}\\.");
        var urls = post.getJSONObject("entities").getJSONArray("urls");
        assertThat(urls.length()).isEqualTo(2);
        assertThat(urls.getJSONObject(0).getString("expanded_url"))
                .isEqualTo("https://example.com/releases/2.4?a=1&b=2");
        assertThat(urls.getJSONObject(1).getString("expanded_url")).isEqualTo("http://acme.dev");
        for (int i = 0; i < 2; i++) {
            JSONObject url = urls.getJSONObject(i);
            assertThat(shown.substring(url.getInt("start"), url.getInt("end"))).isEqualTo(url.getString("url"));
        }
    }

    @Test
    void wrongSecretIsRefusedWith401Code32() throws TwitterException {
        OAuthAuthorization wrong =
                new OAuthAuthorization(Twitter4jClients.configuration(sandbox, "acme", "not-the-secret"));

        TwitterException e = catchThrowableOfType(
                TwitterException.class, () -> postJson("tweets", new JSONObject().put("text", "x"), wrong));

        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.getErrorCode()).isEqualTo(32);
        assertThat(sandbox.posts()).isEmpty();
    }

    @Test
    void v2ErrorBodiesAreClassifiableByTwitter4j() throws TwitterException {
        postJson("tweets", new JSONObject().put("text", "twice"), auth);

        TwitterException e = catchThrowableOfType(
                TwitterException.class, () -> postJson("tweets", new JSONObject().put("text", "twice"), auth));

        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getErrorCode()).isEqualTo(187);
        assertThat(e.getRateLimitStatus().getRemaining()).isEqualTo(98);
    }
}
