package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** What the builder refuses, and what it fills in. */
class SandboxBuilderTest {

    @Test
    void givenCredentialsAreUsedAsTheyAre() {
        SandboxAccount given = new SandboxAccount("acme", "42", "Acme Inc", "42-token", "token-secret");
        try (Sandbox sandbox = Sandbox.builder()
                .app("prod-like", "ck", "cs")
                .account(given)
                .build()
                .start()) {
            assertThat(sandbox.account("@acme")).isEqualTo(given);
            assertThat(sandbox.app()).isEqualTo(new SandboxApp("prod-like", "ck", "cs"));
            assertThat(sandbox.baseUrl().toString()).startsWith("http://127.0.0.1:");
            assertThat(sandbox.v1BaseUrl().toString()).endsWith("/1.1/");
            assertThat(sandbox.v2BaseUrl().toString()).endsWith("/2/");
        }
    }

    @Test
    void duplicatesAndBadValuesAreRefused() {
        assertThatThrownBy(() ->
                        Sandbox.builder().account("acme").simulatedUser("ACME").build())
                .hasMessageContaining("two users with the handle @ACME");
        assertThatThrownBy(() -> Sandbox.builder().account("not a handle"))
                .hasMessageContaining("handle must be 1-15 letters");
        assertThatThrownBy(() -> Sandbox.builder().port(70000)).hasMessageContaining("port must be 0..65535");
        assertThatThrownBy(() -> SandboxLimits.defaults().withDailyPosts(0))
                .hasMessageContaining("dailyPosts must be positive");
        assertThatThrownBy(() -> new SimulatedUser("ana", "007", "Ana", true)).hasMessageContaining("user id");
    }

    @Test
    void endpointsAreListed() {
        Sandbox sandbox = Sandbox.builder().build();
        assertThat(sandbox.endpoints())
                .contains(
                        "POST /2/tweets",
                        "DELETE /2/tweets/:id",
                        "POST /2/users/:id/following",
                        "DELETE /2/users/:source_user_id/following/:target_user_id",
                        "POST /2/dm_conversations/with/:participant_id/messages",
                        "GET /2/dm_events",
                        "GET /2/users/:id/mentions",
                        "GET /2/users/:id/tweets",
                        "GET /2/users/:id/following",
                        "POST /2/users/:id/likes",
                        "POST /2/users/:id/retweets",
                        "GET /2/users/by/username/:username",
                        "GET /2/users/me",
                        "POST /1.1/statuses/update.json",
                        "POST /1.1/friendships/create.json",
                        "POST /1.1/friendships/destroy.json",
                        "POST /1.1/direct_messages/events/new.json",
                        "GET /1.1/statuses/mentions_timeline.json",
                        "GET /1.1/statuses/user_timeline.json",
                        "GET /1.1/users/lookup.json",
                        "GET /1.1/account/verify_credentials.json");
    }

    @Test
    void aClosedSandboxStillAnswersWhatWasSent() {
        Sandbox sandbox =
                Sandbox.builder().account("acme").simulatedUser("ana").build().start();
        sandbox.injectMention("ana", "acme", "hi");
        sandbox.close();
        assertThat(sandbox.posts()).hasSize(1);
        assertThatThrownBy(sandbox::port).hasMessageContaining("not started");
    }
}
