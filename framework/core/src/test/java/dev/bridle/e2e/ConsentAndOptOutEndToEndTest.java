package dev.bridle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxPost;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Consent and opt-out as a user meets them, through the sandbox: no reply without consent, START by direct message
 * gives it, STOP takes it back at once with one confirmation, and nothing reaches that user afterwards.
 */
class ConsentAndOptOutEndToEndTest {

    @TempDir
    Path dir;

    private SandboxRun run;
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        run = new SandboxRun(dir, "messenger@acme_help");
        sandbox = run.sandbox();
    }

    @AfterEach
    void stop() {
        run.close();
    }

    private UserRef user(String handle) {
        return new UserRef(sandbox.userId(handle), handle);
    }

    private long dmsTo(String handle) {
        return sandbox.dms().stream()
                .filter(d -> d.recipientHandle().equals(handle))
                .count();
    }

    @Test
    void noReplyWithoutConsentThenStartGivesItAndStopTakesItBack() {
        SandboxPost bens = sandbox.injectMention("ben", "acme_help", "@acme_help what's new this week?");
        run.poll();

        assertThat(SandboxRun.Thanker.REPLIES.get(bens.id()))
                .isInstanceOfSatisfying(
                        ActionResult.Denied.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.NO_CONSENT));
        assertThat(sandbox.sent("acme_help").replies())
                .as("nothing reached ben")
                .isEmpty();

        sandbox.injectDm("ana", "acme_help", "START");
        run.poll();
        assertThat(dmsTo("ana")).as("one acknowledgement of the opt-in").isEqualTo(1);

        run.later();
        SandboxPost anas = sandbox.injectMention("ana", "acme_help", "@acme_help love the new release");
        run.poll();
        assertThat(SandboxRun.Thanker.REPLIES.get(anas.id()).sent()).isTrue();
        assertThat(sandbox.sent("acme_help").replies())
                .singleElement()
                .satisfies(r -> assertThat(r.inReplyToPostId()).isEqualTo(anas.id()));

        run.later();
        sandbox.injectDm("ana", "acme_help", "Stop. Thank you");
        run.poll();
        assertThat(dmsTo("ana")).as("one confirmation of the opt-out").isEqualTo(2);
        assertThat(sandbox.dms().get(sandbox.dms().size() - 1).text()).contains("START");

        run.later();
        ActionResult dm = run.act("messenger", ctx -> ctx.actions().directMessage(user("ana"), "Release 2.5 is out!"));
        assertThat(dm)
                .isInstanceOfSatisfying(
                        ActionResult.Denied.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.OPTED_OUT));

        run.later();
        sandbox.injectDm("ana", "acme_help", "STOP");
        SandboxPost again = sandbox.injectMention("ana", "acme_help", "@acme_help one more thing");
        run.poll();
        assertThat(dmsTo("ana")).as("never a second confirmation").isEqualTo(2);
        assertThat(SandboxRun.Thanker.REPLIES.get(again.id()))
                .isInstanceOfSatisfying(
                        ActionResult.Denied.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.OPTED_OUT));
        assertThat(sandbox.sent("acme_help").replies()).hasSize(1);
    }

    @Test
    void helpIsAnsweredWithoutConsentByDirectMessageAndByReply() {
        sandbox.injectDm("chloe", "acme_help", "HELP");
        run.poll();
        run.later();
        SandboxPost asked = sandbox.injectMention("chloe", "acme_help", "@acme_help help");
        run.poll();

        assertThat(dmsTo("chloe")).as("the help text, by direct message").isEqualTo(1);
        assertThat(sandbox.sent("acme_help").replies())
                .singleElement()
                .satisfies(r -> assertThat(r.inReplyToPostId()).isEqualTo(asked.id()));
        assertThat(SandboxRun.Thanker.REPLIES).as("no bot saw either").isEmpty();
    }

    @Test
    void aStopArrivingWhileAnActionWaitsCancelsIt() {
        sandbox.injectDm("ana", "acme_help", "START");
        run.poll();

        ActionResult waiting =
                run.act("messenger", ctx -> ctx.actions().directMessage(user("ana"), "Your export is ready."));
        assertThat(waiting)
                .as("the acknowledgement went out a moment ago")
                .isInstanceOfSatisfying(
                        ActionResult.Deferred.class,
                        d -> assertThat(d.rescheduled()).isTrue());
        java.util.UUID queued = run.runtime.ledger().tail(1).get(0).record().requestId();

        sandbox.injectDm("ana", "acme_help", "STOP");
        run.poll();
        run.later();
        run.runtime.deferred().runDeferred(queued.toString());

        assertThat(sandbox.dms()).extracting(SandboxDm::text).noneMatch(t -> t.equals("Your export is ready."));
    }
}
