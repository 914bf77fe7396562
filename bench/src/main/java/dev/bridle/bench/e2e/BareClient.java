package dev.bridle.bench.e2e;

import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxAccount;
import twitter4j.HttpClient;
import twitter4j.HttpClientFactory;
import twitter4j.HttpParameter;
import twitter4j.HttpResponse;
import twitter4j.JSONObject;
import twitter4j.StatusUpdate;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.auth.OAuthAuthorization;
import twitter4j.conf.Configuration;
import twitter4j.conf.ConfigurationBuilder;

/**
 * The baseline: what a bot written on twitter4j 4.0.7 alone does for the same four actions, on the same sandbox. On
 * v1.1 it is twitter4j's own {@link Twitter} API; twitter4j 4.0.7 has no v2 methods, so on v2 it is twitter4j's
 * {@code HttpClient} signing with its {@code OAuthAuthorization}, posting the JSON the v2 endpoints take, which is how
 * a twitter4j user reaches v2 (and what Bridle's adapter does underneath).
 */
final class BareClient {

    private final ApiVersion api;
    private final Twitter twitter;
    private final HttpClient http;
    private final OAuthAuthorization auth;
    private final String v2;
    private final String userId;

    BareClient(Sandbox sandbox, String handle, ApiVersion api) {
        this.api = api;
        SandboxAccount account = sandbox.account(handle);
        Configuration conf = new ConfigurationBuilder()
                .setOAuthConsumerKey(sandbox.app().consumerKey())
                .setOAuthConsumerSecret(sandbox.app().consumerSecret())
                .setOAuthAccessToken(account.accessToken())
                .setOAuthAccessTokenSecret(account.accessTokenSecret())
                .setRestBaseURL(sandbox.v1BaseUrl().toString())
                .setHttpRetryCount(0)
                .setDebugEnabled(false)
                .build();
        this.twitter = new TwitterFactory(conf).getInstance();
        this.http = HttpClientFactory.getInstance(conf.getHttpClientConfiguration());
        this.auth = new OAuthAuthorization(conf);
        this.v2 = sandbox.v2BaseUrl().toString();
        this.userId = sandbox.userId(handle);
    }

    String post(String text) throws TwitterException {
        if (api == ApiVersion.V1_1) {
            return Long.toString(twitter.updateStatus(text).getId());
        }
        return postJson(v2 + "tweets", new JSONObject().put("text", text))
                .getJSONObject("data")
                .getString("id");
    }

    String reply(String postId, String text) throws TwitterException {
        if (api == ApiVersion.V1_1) {
            return Long.toString(twitter.updateStatus(new StatusUpdate(text).inReplyToStatusId(Long.parseLong(postId)))
                    .getId());
        }
        JSONObject body =
                new JSONObject().put("text", text).put("reply", new JSONObject().put("in_reply_to_tweet_id", postId));
        return postJson(v2 + "tweets", body).getJSONObject("data").getString("id");
    }

    String directMessage(String recipientId, String text) throws TwitterException {
        if (api == ApiVersion.V1_1) {
            return Long.toString(
                    twitter.sendDirectMessage(Long.parseLong(recipientId), text).getId());
        }
        return postJson(v2 + "dm_conversations/with/" + recipientId + "/messages", new JSONObject().put("text", text))
                .getJSONObject("data")
                .getString("dm_event_id");
    }

    String follow(String targetId) throws TwitterException {
        if (api == ApiVersion.V1_1) {
            return Long.toString(
                    twitter.createFriendship(Long.parseLong(targetId)).getId());
        }
        postJson(v2 + "users/" + userId + "/following", new JSONObject().put("target_user_id", targetId));
        return targetId;
    }

    private JSONObject postJson(String url, JSONObject body) throws TwitterException {
        HttpResponse res = http.post(url, new HttpParameter[] {new HttpParameter(body)}, auth, null);
        return res.asJSONObject();
    }
}
