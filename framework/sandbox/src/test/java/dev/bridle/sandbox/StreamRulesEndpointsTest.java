package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The filtered stream's rule endpoints: add, list, delete, dry runs, X's errors and limits, rules per app, reset. */
class StreamRulesEndpointsTest {
    private static final String RULES = "2/tweets/search/stream/rules";
    private static final String PROBLEMS = "https://api.twitter.com/2/problems/";

    private final MutableClock clock = TestClocks.golden();
    private Sandbox sandbox;
    private TestClient acme;

    @BeforeEach
    void start() throws IOException {
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .account("other")
                .build()
                .start();
        acme = TestClient.appOnly(sandbox, clock, "acme");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void addedRulesHaveIdsAndAreListedWithTheSummary() throws IOException {
        TestClient.Response added = acme.postJson(
                RULES, "{\"add\":[{\"value\":\"harbour ferry\",\"tag\":\"ferries\"},{\"value\":\"from:acme\"}]}");
        assertThat(added.status()).isEqualTo(201);
        JsonNode body = added.json();
        assertThat(body.path("data")).hasSize(2);
        assertThat(body.path("data").path(0).path("value").asText()).isEqualTo("harbour ferry");
        assertThat(body.path("data").path(0).path("tag").asText()).isEqualTo("ferries");
        assertThat(body.path("data").path(0).path("id").asText()).matches("[0-9]{19}");
        assertThat(body.path("data").path(1).has("tag")).isFalse();
        JsonNode summary = body.path("meta").path("summary");
        assertThat(summary.path("created").asInt()).isEqualTo(2);
        assertThat(summary.path("not_created").asInt()).isZero();
        assertThat(summary.path("valid").asInt()).isEqualTo(2);
        assertThat(summary.path("invalid").asInt()).isZero();
        assertThat(body.path("meta").path("sent").asText()).isEqualTo("2026-03-02T09:30:00.000Z");

        JsonNode listed = acme.get(RULES).json();
        assertThat(listed.path("data")).hasSize(2);
        assertThat(listed.path("meta").path("result_count").asInt()).isEqualTo(2);
        String firstId = body.path("data").path(0).path("id").asText();
        JsonNode one = acme.get(RULES, "ids", firstId).json();
        assertThat(one.path("data")).hasSize(1);
        assertThat(one.path("data").path(0).path("id").asText()).isEqualTo(firstId);
    }

    @Test
    void noRulesIsAnEmptyListWithACount() throws IOException {
        JsonNode listed = acme.get(RULES).json();
        assertThat(listed.has("data")).isFalse();
        assertThat(listed.path("meta").path("result_count").asInt()).isZero();
    }

    @Test
    void aDuplicateIsNotCreatedAndNamesTheKeptRule() throws IOException {
        String id = acme.postJson(RULES, "{\"add\":[{\"value\":\"harbour\"}]}")
                .json()
                .path("data")
                .path(0)
                .path("id")
                .asText();
        TestClient.Response again = acme.postJson(RULES, "{\"add\":[{\"value\":\"harbour\"},{\"value\":\"quay\"}]}");
        assertThat(again.status()).isEqualTo(200);
        JsonNode e = again.json().path("errors").path(0);
        assertThat(e.path("title").asText()).isEqualTo("DuplicateRule");
        assertThat(e.path("type").asText()).isEqualTo(PROBLEMS + "duplicate-rules");
        assertThat(e.path("id").asText()).isEqualTo(id);
        assertThat(e.path("value").asText()).isEqualTo("harbour");
        JsonNode summary = again.json().path("meta").path("summary");
        assertThat(summary.path("created").asInt()).isZero();
        assertThat(summary.path("not_created").asInt()).isEqualTo(2);
        assertThat(summary.path("valid").asInt()).isEqualTo(1);
        assertThat(summary.path("invalid").asInt()).isEqualTo(1);
        assertThat(acme.get(RULES).json().path("data")).hasSize(1);
    }

    @Test
    void anInvalidRuleIs400WithItsDetailsAndNothingIsCreated() throws IOException {
        TestClient.Response bad = acme.postJson(RULES, "{\"add\":[{\"value\":\"ferry\"},{\"value\":\"colour:red\"}]}");
        assertThat(bad.status()).isEqualTo(400);
        JsonNode body = bad.json();
        assertThat(body.path("title").asText()).isEqualTo("Invalid Request");
        assertThat(body.path("type").asText()).isEqualTo(PROBLEMS + "invalid-request");
        JsonNode e = body.path("errors").path(0);
        assertThat(e.path("title").asText()).isEqualTo("UnprocessableEntity");
        assertThat(e.path("type").asText()).isEqualTo(PROBLEMS + "invalid-rules");
        assertThat(e.path("value").asText()).isEqualTo("colour:red");
        assertThat(e.path("details").path(0).asText()).isEqualTo("Reference to invalid operator 'colour'");
        assertThat(body.path("meta").path("summary").path("created").asInt()).isZero();
        assertThat(acme.get(RULES).json().has("data")).isFalse();
    }

    @Test
    void aRuleLongerThanTheLimitIsRefused() throws IOException {
        String longRule = "ferry ".repeat(200).trim(); // 1,199 characters
        TestClient.Response bad = acme.postJson(RULES, "{\"add\":[{\"value\":\"" + longRule + "\"}]}");
        assertThat(bad.status()).isEqualTo(400);
        JsonNode e = bad.json().path("errors").path(0);
        assertThat(e.path("type").asText()).isEqualTo(PROBLEMS + "rule-length");
        assertThat(e.path("detail").asText()).contains("1024");
    }

    @Test
    void theThousandAndFirstRuleExceedsTheCap() throws IOException {
        StringBuilder add = new StringBuilder("{\"add\":[");
        for (int i = 0; i < 1000; i++) {
            add.append(i == 0 ? "" : ",").append("{\"value\":\"ferry").append(i).append("\"}");
        }
        assertThat(acme.postJson(RULES, add.append("]}").toString()).status()).isEqualTo(201);

        TestClient.Response over = acme.postJson(RULES, "{\"add\":[{\"value\":\"one more\"}]}");
        assertThat(over.status()).isEqualTo(400);
        JsonNode e = over.json().path("errors").path(0);
        assertThat(e.path("type").asText()).isEqualTo(PROBLEMS + "rule-cap");
        assertThat(e.path("title").asText()).isEqualTo("RulesCapExceeded");
        assertThat(acme.get(RULES).json().path("meta").path("result_count").asInt())
                .isEqualTo(1000);
    }

    @Test
    void aDryRunValidatesAndKeepsNothing() throws IOException {
        TestClient.Response dry =
                acme.postJsonWithQuery(RULES, "{\"add\":[{\"value\":\"harbour\"}]}", "dry_run", "true");
        assertThat(dry.status()).isEqualTo(200);
        JsonNode summary = dry.json().path("meta").path("summary");
        assertThat(summary.path("created").asInt()).isZero();
        assertThat(summary.path("valid").asInt()).isEqualTo(1);
        assertThat(acme.get(RULES).json().has("data")).isFalse();

        TestClient.Response badDry =
                acme.postJsonWithQuery(RULES, "{\"add\":[{\"value\":\"(harbour\"}]}", "dry_run", "true");
        assertThat(badDry.status()).isEqualTo(400);
    }

    @Test
    void rulesAreDeletedByIdOrValueAndUnknownOnesAreNamed() throws IOException {
        JsonNode data = acme.postJson(RULES, "{\"add\":[{\"value\":\"harbour\"},{\"value\":\"quay\"}]}")
                .json()
                .path("data");
        String harbour = data.path(0).path("id").asText();

        JsonNode byId = acme.postJson(RULES, "{\"delete\":{\"ids\":[\"" + harbour + "\",\"1\"]}}")
                .json();
        assertThat(byId.path("meta").path("summary").path("deleted").asInt()).isEqualTo(1);
        assertThat(byId.path("meta").path("summary").path("not_deleted").asInt())
                .isEqualTo(1);
        assertThat(byId.path("errors").path(0).path("value").asText()).isEqualTo("1");

        JsonNode byValue =
                acme.postJson(RULES, "{\"delete\":{\"values\":[\"quay\"]}}").json();
        assertThat(byValue.path("meta").path("summary").path("deleted").asInt()).isEqualTo(1);
        assertThat(acme.get(RULES).json().has("data")).isFalse();
    }

    @Test
    void aBodyWithNeitherAddNorDeleteIs400() throws IOException {
        assertThat(acme.postJson(RULES, "{}").status()).isEqualTo(400);
        assertThat(acme.postJson(RULES, "{\"add\":[{\"tag\":\"no value\"}]}").status())
                .isEqualTo(400);
    }

    @Test
    void rulesBelongToTheAppNotTheAccountAndResetClearsThem() throws IOException {
        acme.postJson(RULES, "{\"add\":[{\"value\":\"harbour\"}]}");
        TestClient other = TestClient.appOnly(sandbox, clock, "other");
        assertThat(other.get(RULES).json().path("data")).hasSize(1);

        sandbox.reset();
        assertThat(acme.get(RULES).json().has("data")).isFalse();
    }
}
