package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every endpoint's answer, compared with a golden file (ids and times are deterministic). */
class GoldenShapesTest {
    private MutableClock clock;
    private Sandbox sandbox;
    private TestClient acme;
    private String acmeId;
    private String anaId;

    @BeforeEach
    void start() {
        clock = TestClocks.golden();
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .account("beta")
                .simulatedUser("ana")
                .simulatedUser(SimulatedUser.named("ben").rejectingDms())
                .build()
                .start();
        acme = TestClient.of(sandbox, clock, "acme");
        acmeId = sandbox.userId("acme");
        anaId = sandbox.userId("ana");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private static void golden(String name, int status, TestClient.Response r) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("content-type")).isEqualTo("application/json; charset=utf-8");
        Golden.assertMatches(name, r.json());
    }

    private String postId(TestClient.Response r) {
        return r.json().path("data").path("id").asText();
    }

    @Nested
    class V2 {
        @Test
        void createPost() throws IOException {
            TestClient.Response r = acme.postJson("2/tweets", "{\"text\":\"Hello from the sandbox\"}");
            golden("v2/create_tweet", 201, r);
            assertThat(r.header("location")).isEqualTo(sandbox.baseUrl() + "2/tweets/" + postId(r));
        }

        @Test
        void createReply() throws IOException {
            SandboxPost mention = sandbox.injectMention("ana", "acme", "when is the release?");
            golden(
                    "v2/create_reply",
                    201,
                    acme.postJson(
                            "2/tweets",
                            "{\"text\":\"@ana next week\",\"reply\":{\"in_reply_to_tweet_id\":\"" + mention.id()
                                    + "\"}}"));
            assertThat(sandbox.sent("acme").replies())
                    .singleElement()
                    .satisfies(p -> assertThat(p.inReplyToUserId()).isEqualTo(anaId));
        }

        @Test
        void deletePost() throws IOException {
            String id = postId(acme.postJson("2/tweets", "{\"text\":\"short-lived\"}"));
            golden("v2/delete_tweet", 200, acme.delete("2/tweets/" + id));
            assertThat(sandbox.sent("acme").posts())
                    .singleElement()
                    .satisfies(p -> assertThat(p.deleted()).isTrue());
        }

        @Test
        void followUnfollowAndList() throws IOException {
            golden("v2/following_empty", 200, acme.get("2/users/" + acmeId + "/following"));
            golden(
                    "v2/follow",
                    200,
                    acme.postJson("2/users/" + acmeId + "/following", "{\"target_user_id\":\"" + anaId + "\"}"));
            golden("v2/following", 200, acme.get("2/users/" + acmeId + "/following"));
            golden("v2/unfollow", 200, acme.delete("2/users/" + acmeId + "/following/" + anaId));
        }

        @Test
        void sendDmAndListEvents() throws IOException {
            golden("v2/dm_events_empty", 200, acme.get("2/dm_events"));
            golden(
                    "v2/dm_send",
                    201,
                    acme.postJson(
                            "2/dm_conversations/with/" + anaId + "/messages", "{\"text\":\"Thanks for opting in!\"}"));
            clock.advance(Duration.ofSeconds(30));
            sandbox.injectDm("ana", "acme", "STOP");
            golden("v2/dm_events", 200, acme.get("2/dm_events"));
            golden(
                    "v2/dm_events_fields",
                    200,
                    acme.get(
                            "2/dm_events",
                            "dm_event.fields",
                            "sender_id,created_at,dm_conversation_id",
                            "expansions",
                            "sender_id"));
        }

        @Test
        void mentionsTimeline() throws IOException {
            golden("v2/mentions_empty", 200, acme.get("2/users/" + acmeId + "/mentions"));
            for (int i = 1; i <= 6; i++) {
                sandbox.injectMention(i % 2 == 0 ? "ana" : "ben", "acme", "question " + i);
                clock.advance(Duration.ofMinutes(1));
            }
            TestClient.Response first = acme.get(
                    "2/users/" + acmeId + "/mentions",
                    "max_results",
                    "5",
                    "tweet.fields",
                    "author_id,created_at",
                    "expansions",
                    "author_id");
            golden("v2/mentions_page1", 200, first);
            golden(
                    "v2/mentions_page2",
                    200,
                    acme.get(
                            "2/users/" + acmeId + "/mentions",
                            "max_results",
                            "5",
                            "pagination_token",
                            first.json().path("meta").path("next_token").asText()));
            String newest = first.json().path("meta").path("newest_id").asText();
            golden("v2/mentions_since_newest", 200, acme.get("2/users/" + acmeId + "/mentions", "since_id", newest));
        }

        @Test
        void ownPosts() throws IOException {
            acme.postJson("2/tweets", "{\"text\":\"first\"}");
            clock.advance(Duration.ofMinutes(5));
            acme.postJson("2/tweets", "{\"text\":\"second\"}");
            golden(
                    "v2/user_tweets",
                    200,
                    acme.get("2/users/" + acmeId + "/tweets", "tweet.fields", "created_at,author_id,conversation_id"));
        }

        @Test
        void likeAndRetweet() throws IOException {
            SandboxPost post = sandbox.injectMention("ana", "acme", "look at this");
            golden("v2/liked_tweets_empty", 200, acme.get("2/users/" + acmeId + "/liked_tweets"));
            golden(
                    "v2/like",
                    200,
                    acme.postJson("2/users/" + acmeId + "/likes", "{\"tweet_id\":\"" + post.id() + "\"}"));
            golden("v2/liked_tweets", 200, acme.get("2/users/" + acmeId + "/liked_tweets"));
            golden(
                    "v2/retweet",
                    200,
                    acme.postJson("2/users/" + acmeId + "/retweets", "{\"tweet_id\":\"" + post.id() + "\"}"));
            golden(
                    "v2/user_tweets_with_repost",
                    200,
                    acme.get("2/users/" + acmeId + "/tweets", "tweet.fields", "referenced_tweets"));
        }

        @Test
        void users() throws IOException {
            golden("v2/users_me", 200, acme.get("2/users/me"));
            golden("v2/user_by_username", 200, acme.get("2/users/by/username/ana"));
            golden("v2/user_by_username_missing", 200, acme.get("2/users/by/username/nobody"));
        }

        @Test
        void errors() throws IOException {
            acme.postJson("2/tweets", "{\"text\":\"same words\"}");
            golden("v2/error_duplicate", 403, acme.postJson("2/tweets", "{\"text\":\"same words\"}"));
            golden(
                    "v2/error_unauthorized",
                    401,
                    acme.withConsumer(sandbox.app().consumerKey(), "wrong").get("2/users/me"));
            golden("v2/error_not_found", 404, acme.get("2/no/such/thing"));
            golden("v2/error_max_results", 400, acme.get("2/users/" + acmeId + "/mentions", "max_results", "3"));
            golden("v2/error_content_type", 400, acme.postForm("2/tweets", "text", "form bodies are refused"));
            golden(
                    "v2/error_cannot_dm",
                    403,
                    acme.postJson(
                            "2/dm_conversations/with/" + sandbox.userId("ben") + "/messages", "{\"text\":\"hi\"}"));
            golden(
                    "v2/error_reply_target_gone",
                    403,
                    acme.postJson("2/tweets", "{\"text\":\"@x hi\",\"reply\":{\"in_reply_to_tweet_id\":\"42\"}}"));
            golden(
                    "v2/error_not_permitted",
                    403,
                    acme.postJson("2/users/" + anaId + "/following", "{\"target_user_id\":\"" + acmeId + "\"}"));
            golden("v2/error_user_not_found", 404, acme.get("2/users/999/mentions"));
        }

        @Test
        void tooManyRequests() throws IOException {
            sandbox.close();
            sandbox = Sandbox.builder()
                    .clock(clock)
                    .account("acme")
                    .limits(SandboxLimits.defaults().withRateLimit("GET /2/users/me", 1))
                    .build()
                    .start();
            acme = TestClient.of(sandbox, clock, "acme");
            acme.get("2/users/me");
            golden("v2/error_too_many_requests", 429, acme.get("2/users/me"));
        }
    }

    @Nested
    class V1 {
        @Test
        void updateStatus() throws IOException {
            golden(
                    "v1/statuses_update",
                    200,
                    acme.postForm(
                            "1.1/statuses/update.json", "status", "Hello @ana, from v1.1!", "tweet_mode", "extended"));
        }

        @Test
        void replyWithoutExtendedMode() throws IOException {
            SandboxPost mention = sandbox.injectMention("ana", "acme", "hi");
            golden(
                    "v1/statuses_update_reply",
                    200,
                    acme.postForm(
                            "1.1/statuses/update.json", "status", "@ana hello", "in_reply_to_status_id", mention.id()));
        }

        @Test
        void timelines() throws IOException {
            sandbox.injectMention("ana", "acme", "first question");
            clock.advance(Duration.ofMinutes(1));
            SandboxPost second = sandbox.injectMention("ben", "acme", "second question");
            golden(
                    "v1/mentions_timeline",
                    200,
                    acme.get("1.1/statuses/mentions_timeline.json", "tweet_mode", "extended"));
            golden(
                    "v1/mentions_timeline_since",
                    200,
                    acme.get("1.1/statuses/mentions_timeline.json", "since_id", second.id(), "count", "5"));
            acme.postForm("1.1/statuses/update.json", "status", "my own post");
            golden("v1/user_timeline", 200, acme.get("1.1/statuses/user_timeline.json"));
        }

        @Test
        void friendships() throws IOException {
            golden(
                    "v1/friendships_create",
                    200,
                    acme.postQuery(
                            "1.1/friendships/create.json",
                            java.util.List.of(new dev.bridle.sandbox.internal.oauth.Param("user_id", anaId)),
                            java.util.List.of(
                                    new dev.bridle.sandbox.internal.oauth.Param("include_entities", "true"))));
            golden("v1/friendships_destroy", 200, acme.postForm("1.1/friendships/destroy.json", "screen_name", "ana"));
        }

        @Test
        void directMessage() throws IOException {
            golden(
                    "v1/direct_messages_new",
                    200,
                    acme.postJson(
                            "1.1/direct_messages/events/new.json",
                            "{\"event\":{\"type\":\"message_create\",\"message_create\":{\"target\":{\"recipient_id\":"
                                    + anaId + "},\"message_data\":{\"text\":\"Hello Ana\"}}}}"));
        }

        @Test
        void usersAndCredentials() throws IOException {
            golden("v1/users_lookup", 200, acme.get("1.1/users/lookup.json", "screen_name", "ana,beta,nobody"));
            golden("v1/verify_credentials", 200, acme.get("1.1/account/verify_credentials.json"));
        }

        @Test
        void errors() throws IOException {
            acme.postForm("1.1/statuses/update.json", "status", "same words");
            golden("v1/error_duplicate", 403, acme.postForm("1.1/statuses/update.json", "status", "same words"));
            golden(
                    "v1/error_could_not_authenticate",
                    401,
                    acme.withConsumer(sandbox.app().consumerKey(), "wrong").get("1.1/account/verify_credentials.json"));
            golden("v1/error_page_not_found", 404, acme.get("1.1/no/such.json"));
            golden("v1/error_no_user_matches", 404, acme.get("1.1/users/lookup.json", "screen_name", "nobody"));
            golden(
                    "v1/error_user_not_found",
                    404,
                    acme.postForm("1.1/friendships/create.json", "screen_name", "nobody"));
        }
    }
}
