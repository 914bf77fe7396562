package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The v2 reads: lookups, recent search, followers, and how a deleted post reads. */
class ReadEndpointsTest {
    private final MutableClock clock = TestClocks.golden();
    private Sandbox sandbox;
    private TestClient acme;

    @BeforeEach
    void start() {
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .simulatedUser("ana")
                .simulatedUser("ben")
                .build()
                .start();
        acme = TestClient.of(sandbox, clock, "acme");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void userByIdHasTheUserOrXsNotFoundProblem() throws IOException {
        JsonNode found = acme.get("2/users/" + sandbox.userId("ana")).json();
        assertThat(found.path("data").path("username").asText()).isEqualTo("ana");

        TestClient.Response missing = acme.get("2/users/999999");
        assertThat(missing.status()).isEqualTo(200);
        assertThat(missing.json().has("data")).isFalse();
        JsonNode e = missing.json().path("errors").path(0);
        assertThat(e.path("title").asText()).isEqualTo("Not Found Error");
        assertThat(e.path("type").asText()).isEqualTo("https://api.twitter.com/2/problems/resource-not-found");
        assertThat(e.path("resource_type").asText()).isEqualTo("user");
    }

    @Test
    void aPostDeletedOnXReadsAsNotFoundAndLeavesSearch() throws IOException {
        SandboxPost post = sandbox.injectPost("ana", "hello harbour");
        JsonNode read = acme.get("2/tweets/" + post.id(), "tweet.fields", "author_id", "expansions", "author_id")
                .json();
        assertThat(read.path("data").path("author_id").asText()).isEqualTo(sandbox.userId("ana"));
        assertThat(read.path("includes").path("users").path(0).path("username").asText())
                .isEqualTo("ana");

        sandbox.deleteOnX(post.id());

        TestClient.Response gone = acme.get("2/tweets/" + post.id());
        assertThat(gone.status()).isEqualTo(200);
        assertThat(gone.json().has("data")).isFalse();
        assertThat(gone.json().path("errors").path(0).path("detail").asText())
                .isEqualTo("Could not find tweet with id: [" + post.id() + "].");
        assertThat(gone.json().path("errors").path(0).path("title").asText()).isEqualTo("Not Found Error");
        assertThat(acme.get("2/tweets/search/recent", "query", "harbour")
                        .json()
                        .path("meta")
                        .path("result_count")
                        .asInt())
                .isZero();
    }

    @Test
    void lookupByIdsServesTheLivingAndNamesTheDeleted() throws IOException {
        SandboxPost kept = sandbox.injectPost("ana", "kept");
        SandboxPost deleted = sandbox.injectPost("ben", "deleted");
        sandbox.deleteOnX(deleted.id());

        JsonNode body =
                acme.get("2/tweets", "ids", kept.id() + "," + deleted.id()).json();
        assertThat(body.path("data")).hasSize(1);
        assertThat(body.path("data").path(0).path("id").asText()).isEqualTo(kept.id());
        assertThat(body.path("errors")).hasSize(1);
        assertThat(body.path("errors").path(0).path("resource_id").asText()).isEqualTo(deleted.id());
        assertThat(acme.get("2/tweets", "ids", "12,x").status()).isEqualTo(400);
    }

    @Test
    void searchUnderstandsWordsPhrasesFromToMentionsNegationOrAndLang() throws IOException {
        SandboxPost a = sandbox.injectPost("ana", "The harbour is open today");
        SandboxPost b = sandbox.injectPost("ben", "harbour closed, sadly");
        SandboxPost c = sandbox.injectMention("ben", "acme", "is the harbour open?");
        SandboxPost d = sandbox.injectReply("ana", c.id(), "yes it is");

        assertThat(ids("harbour")).containsExactly(c.id(), b.id(), a.id());
        assertThat(ids("\"harbour is open\"")).containsExactly(a.id());
        assertThat(ids("harbour from:ben")).containsExactly(c.id(), b.id());
        assertThat(ids("harbour -from:ben")).containsExactly(a.id());
        assertThat(ids("@acme")).containsExactly(c.id());
        assertThat(ids("to:ben")).containsExactly(d.id());
        assertThat(ids("sadly OR today")).containsExactly(b.id(), a.id());
        assertThat(ids("harbour -closed lang:en")).containsExactly(c.id(), a.id());
        assertThat(ids("harbour lang:fr")).isEmpty();
    }

    @Test
    void searchPagesByNextTokenWithinMaxResults() throws IOException {
        for (int i = 0; i < 25; i++) {
            sandbox.injectPost("ana", "tide report " + i);
        }
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            JsonNode body = token == null
                    ? acme.get("2/tweets/search/recent", "query", "tide", "max_results", "10")
                            .json()
                    : acme.get("2/tweets/search/recent", "query", "tide", "max_results", "10", "next_token", token)
                            .json();
            body.path("data").forEach(p -> seen.add(p.path("id").asText()));
            assertThat(body.path("meta").path("result_count").asInt())
                    .isEqualTo(body.path("data").size());
            token = body.path("meta").path("next_token").isMissingNode()
                    ? null
                    : body.path("meta").path("next_token").asText();
            pages++;
        } while (token != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(25).doesNotHaveDuplicates();
        assertThat(acme.get("2/tweets/search/recent", "query", "tide", "max_results", "9")
                        .status())
                .isEqualTo(400);
        assertThat(acme.get("2/tweets/search/recent", "query", "tide", "max_results", "101")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void searchReachesBackSevenDaysBySandboxClock() throws IOException {
        SandboxPost old = sandbox.injectPost("ana", "anchor old");
        clock.advance(Duration.ofDays(6));
        SandboxPost recent = sandbox.injectPost("ana", "anchor recent");
        assertThat(ids("anchor")).containsExactly(recent.id(), old.id());

        clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(ids("anchor")).containsExactly(recent.id());
        TestClient.Response tooEarly = acme.get(
                "2/tweets/search/recent",
                "query",
                "anchor",
                "start_time",
                old.createdAt().toString());
        assertThat(tooEarly.status()).isEqualTo(400);
    }

    @Test
    void anInvalidQueryIsXsInvalidRequest() throws IOException {
        for (String q :
                List.of("", "foo:bar", "\"unclosed", "OR harbour", "harbour OR", "-harbour", "(a b", "-(a OR b)")) {
            TestClient.Response r = acme.get("2/tweets/search/recent", "query", q);
            assertThat(r.status()).as(q).isEqualTo(400);
            assertThat(r.json().path("title").asText()).as(q).isEqualTo("Invalid Request");
            assertThat(r.json().path("errors").path(0).path("parameters").has("query"))
                    .as(q)
                    .isTrue();
        }
        assertThat(acme.get("2/tweets/search/recent", "query", "x".repeat(513)).status())
                .isEqualTo(400);
    }

    @Test
    void followersAreMostRecentFirstAndPaged() throws IOException {
        sandbox.injectFollow("ana", "acme");
        clock.advance(Duration.ofMinutes(1));
        sandbox.injectFollow("ben", "acme");
        String me = sandbox.userId("acme");

        JsonNode first =
                acme.get("2/users/" + me + "/followers", "max_results", "1").json();
        assertThat(first.path("data").path(0).path("username").asText()).isEqualTo("ben");
        String token = first.path("meta").path("next_token").asText();
        JsonNode second = acme.get("2/users/" + me + "/followers", "max_results", "1", "pagination_token", token)
                .json();
        assertThat(second.path("data").path(0).path("username").asText()).isEqualTo("ana");
        assertThat(second.path("meta").has("next_token")).isFalse();
    }

    @Test
    void langFindsThePostsTaggedWithThatLanguage() throws IOException {
        SandboxPost de = sandbox.injectPost("ana", "Fähre am Hafen", "de");
        SandboxPost br = sandbox.injectPost("ben", "balsa no porto", "pt-BR");
        SandboxPost en = sandbox.injectPost("ana", "ferry at the harbour");
        SandboxPost und = sandbox.injectPost("ben", "ok 🚢", "und");

        assertThat(ids("lang:de Hafen")).containsExactly(de.id());
        assertThat(ids("porto lang:pt")).containsExactly(br.id());
        assertThat(ids("porto lang:pt-BR")).containsExactly(br.id());
        assertThat(ids("harbour lang:en")).containsExactly(en.id());
        assertThat(ids("harbour lang:de")).isEmpty();
        assertThat(ids("Hafen -lang:de")).isEmpty();
        assertThat(ids("Hafen OR harbour lang:en")).containsExactly(en.id(), de.id());
        assertThat(ids("ok lang:und")).containsExactly(und.id());
        assertThat(en.lang()).isEqualTo(SandboxPost.DEFAULT_LANG);

        JsonNode shown = acme.get("2/tweets/" + br.id(), "tweet.fields", "lang").json();
        assertThat(shown.path("data").path("lang").asText()).isEqualTo("pt-BR");
        assertThat(acme.get("2/tweets/" + br.id()).json().path("data").has("lang"))
                .isFalse();
    }

    @Test
    void aLangThatIsNoLanguageCodeIsAnInvalidQueryAndCannotBeInjected() throws IOException {
        TestClient.Response bad = acme.get("2/tweets/search/recent", "query", "harbour lang:english!");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("errors").path(0).path("message").asText())
                .contains("Invalid value 'english!' for operator 'lang'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sandbox.injectPost("ana", "hello", "English"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("BCP 47");
    }

    @Test
    void readsHaveTheirPublishedRateLimits() {
        assertThat(sandbox.rateLimit("GET /2/tweets/search/recent")).isEqualTo(300);
        assertThat(sandbox.rateLimit("GET /2/tweets/:id")).isEqualTo(900);
        assertThat(sandbox.rateLimit("GET /2/tweets")).isEqualTo(5000);
        assertThat(sandbox.rateLimit("GET /2/users/:id")).isEqualTo(900);
        assertThat(sandbox.rateLimit("GET /2/users/:id/followers")).isEqualTo(300);
    }

    private List<String> ids(String query) throws IOException {
        JsonNode body = acme.get("2/tweets/search/recent", "query", query).json();
        assertThat(body.path("meta").path("result_count").asInt())
                .isEqualTo(body.path("data").size());
        List<String> ids = new ArrayList<>();
        body.path("data").forEach(p -> ids.add(p.path("id").asText()));
        return ids;
    }
}
