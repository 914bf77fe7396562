package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.sandbox.audience.Act;
import dev.bridle.sandbox.audience.Audience;
import dev.bridle.sandbox.audience.AudienceScript;
import dev.bridle.sandbox.audience.Trigger;
import java.io.IOException;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The scripted audience, driven by the sandbox clock and {@code tick()}. */
class AudienceTest {
    private final MutableClock clock = TestClocks.golden();
    private Sandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    private Audience start(AudienceScript script) {
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .audience(script)
                .build()
                .start();
        return sandbox.audience().orElseThrow();
    }

    @Test
    void theDemoCastActsOnSchedule() {
        Audience audience = start(AudienceScript.demo());

        assertThat(audience.tick()).singleElement().asString().startsWith("@ana posted: @acme START");
        assertThat(audience.tick()).as("nothing more is due yet").isEmpty();
        clock.advance(Duration.ofSeconds(61));
        assertThat(audience.tick()).hasSize(10);

        assertThat(sandbox.posts())
                .extracting(SandboxPost::authorHandle, SandboxPost::text)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("ana", "@acme START"),
                        org.assertj.core.groups.Tuple.tuple("ana", "@acme hi! when is the next release coming out?"),
                        org.assertj.core.groups.Tuple.tuple(
                                "ana", "@acme #lang pt #order A-1234 is this out yet? (no post yet)"),
                        org.assertj.core.groups.Tuple.tuple("ben", "@acme what's new this week?"),
                        org.assertj.core.groups.Tuple.tuple("ben", "@acme yes"),
                        org.assertj.core.groups.Tuple.tuple("ben", "@acme thanks for the release notes"),
                        org.assertj.core.groups.Tuple.tuple("chloe", "@acme HELP"),
                        org.assertj.core.groups.Tuple.tuple("dan", "@acme START"),
                        org.assertj.core.groups.Tuple.tuple("dan", "@acme follow me please"),
                        org.assertj.core.groups.Tuple.tuple(
                                "eve", "@acme I can't stop reading your updates, keep them coming!"),
                        org.assertj.core.groups.Tuple.tuple("ben", "@acme one more question about the API"));
        assertThat(sandbox.dms()).isEmpty();
        assertThat(sandbox.simulatedUsers())
                .extracting(SimulatedUser::handle)
                .containsExactly("ana", "ben", "chloe", "dan", "eve");
    }

    @Test
    void aMentionCanLinkTheAccountsLatestPost() throws IOException {
        Audience audience = start(AudienceScript.builder()
                .user(SimulatedUser.named("ana"))
                .at(Duration.ofSeconds(5), "ana", Act.mention("is this true? " + Act.Mention.LATEST_POST))
                .build());
        TestClient.of(sandbox, clock, "acme").postJson("2/tweets", "{\"text\":\"Parcels ship in 2 days\"}");
        String latest = sandbox.sent("acme").posts().get(0).id();
        clock.advance(Duration.ofSeconds(5));

        assertThat(audience.tick())
                .singleElement()
                .asString()
                .contains("@acme is this true? https://x.com/acme/status/" + latest);
    }

    @Test
    void benAnswersStopOnceAfterTheBotRepliesToHim() throws IOException {
        Audience audience = start(AudienceScript.demo());
        clock.advance(Duration.ofSeconds(10));
        audience.tick();
        SandboxPost bens = sandbox.posts().stream()
                .filter(p -> p.authorHandle().equals("ben"))
                .findFirst()
                .orElseThrow();
        TestClient acme = TestClient.of(sandbox, clock, "acme");

        acme.postJson(
                "2/tweets", "{\"text\":\"@ben lots!\",\"reply\":{\"in_reply_to_tweet_id\":\"" + bens.id() + "\"}}");
        String botReply = sandbox.sent("acme").replies().get(0).id();
        assertThat(audience.tick()).as("the reaction waits 5 s").isEmpty();
        clock.advance(Duration.ofSeconds(5));
        assertThat(audience.tick()).anySatisfy(line -> assertThat(line).contains("@ben replied: @acme STOP"));

        SandboxPost stop = sandbox.posts().get(sandbox.posts().size() - 1);
        assertThat(stop.inReplyToPostId()).isEqualTo(botReply);
        acme.postJson(
                "2/tweets", "{\"text\":\"@ben more!\",\"reply\":{\"in_reply_to_tweet_id\":\"" + bens.id() + "\"}}");
        clock.advance(Duration.ofSeconds(5));
        assertThat(audience.tick()).as("a reaction fires once").noneMatch(line -> line.contains("STOP"));
    }

    @Test
    void reactionsToFollowsAndDms() throws IOException {
        Audience audience = start(AudienceScript.builder()
                .user(SimulatedUser.named("dan"))
                .when("dan", Trigger.FOLLOWED, Act.mention("thanks for the follow!"), Duration.ZERO)
                .when("dan", Trigger.DM_RECEIVED, Act.dm("STOP"), Duration.ofSeconds(1), 2)
                .build());
        TestClient acme = TestClient.of(sandbox, clock, "acme");
        String acmeId = sandbox.userId("acme");
        String danId = sandbox.userId("dan");

        acme.postJson("2/users/" + acmeId + "/following", "{\"target_user_id\":\"" + danId + "\"}");
        acme.postJson("2/dm_conversations/with/" + danId + "/messages", "{\"text\":\"hello\"}");
        assertThat(audience.tick()).hasSize(1);
        clock.advance(Duration.ofSeconds(1));
        assertThat(audience.tick()).hasSize(1);

        assertThat(sandbox.posts()).extracting(SandboxPost::text).containsExactly("@acme thanks for the follow!");
        assertThat(sandbox.dms()).extracting(SandboxDm::text).containsExactly("hello", "STOP");
        assertThat(audience.log()).hasSize(2);
    }

    @Test
    void aScriptNamesOnlyItsCast() {
        assertThatThrownBy(() -> AudienceScript.builder()
                        .user(SimulatedUser.named("ana"))
                        .at(Duration.ZERO, "zed", Act.mention("hi"))
                        .build())
                .hasMessageContaining("@zed acts in the script but is not in its cast");
    }

    @Test
    void theAdminApiTicksTheAudience() throws IOException {
        start(AudienceScript.demo());
        Admin admin = new Admin(sandbox);

        assertThat(admin.post("audience/tick", null).json().path("performed")).hasSize(1);
        assertThat(admin.get("audience").json().path("log")).hasSize(1);
    }
}
