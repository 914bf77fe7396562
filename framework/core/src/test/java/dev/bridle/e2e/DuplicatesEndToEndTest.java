package dev.bridle.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.audit.LedgerRecord;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.ReasonCode;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxPost;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The duplicate-content guard in the chain, through the sandbox: across accounts, within one, for replies. */
class DuplicatesEndToEndTest {

    @TempDir
    Path dir;

    private SandboxRun run;
    private Sandbox sandbox;

    @BeforeEach
    void start() {
        run = new SandboxRun(dir, "news@acme_news", "help@acme_help");
        sandbox = run.sandbox();
    }

    @AfterEach
    void stop() {
        run.close();
    }

    @Test
    void anEvasiveCopyOnAnotherAccountIsDeniedAndNamesThePostItCopies() {
        ActionResult first = run.act(
                "news",
                ctx -> ctx.actions()
                        .post(
                                "Acme 2.4 is out: faster sync and a command-line client. Notes: https://acme.example/releases/2.4"));
        assertThat(first.sent()).isTrue();
        String firstId = ((ActionResult.Sent) first).platformId();

        // Cyrillic а and е, a zero-width space, an emoji and a shortened link
        ActionResult copy = run.act(
                "help",
                ctx -> ctx.actions()
                        .post(
                                "Acme 2.4 is out: f\u0430ster sync \u200Band a command-line cli\u0435nt 🚀 Notes: https://bit.ly/3xAcme"));

        assertThat(copy).isInstanceOfSatisfying(ActionResult.Denied.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.DUPLICATE_CROSS_ACCOUNT);
            assertThat(d.message()).contains("@acme_news", firstId);
        });
        assertThat(sandbox.posts()).extracting(SandboxPost::authorHandle).containsExactly("acme_news");
        LedgerRecord denial = run.runtime.ledger().tail(1).get(0).record();
        assertThat(denial.guard()).isEqualTo("duplicates");
        assertThat(denial.message()).as("the ledger names the earlier post").contains(firstId);
    }

    @Test
    void anotherReleaseFromTheSameTemplateIsNotADuplicate() {
        run.act(
                "news",
                ctx -> ctx.actions()
                        .post("Acme 2.4.0 is out: faster sync. Notes: https://acme.example/releases/2.4.0"));

        ActionResult next = run.act(
                "help",
                ctx -> ctx.actions()
                        .post("Acme 2.5.0 is out: end-to-end encryption. Notes: https://acme.example/releases/2.5.0"));

        assertThat(next.sent()).isTrue();
        assertThat(sandbox.posts()).hasSize(2);
    }

    @Test
    void theSameReplyToManyUsersIsADuplicate() {
        for (String user : new String[] {"ana", "ben"}) {
            run.runtime
                    .consents()
                    .grant(dev.bridle.internal.consent.ConsentGrant.of(
                            sandbox.userId(user),
                            java.util.EnumSet.of(dev.bridle.consent.ConsentScope.REPLY),
                            dev.bridle.internal.consent.Evidence.reference(
                                    dev.bridle.internal.consent.Channel.API, "signup form")));
        }
        SandboxPost anas = sandbox.injectMention("ana", "acme_help", "@acme_help is the API down?");
        SandboxPost bens = sandbox.injectMention("ben", "acme_help", "@acme_help cannot log in");

        ActionResult first = run.act(
                "help",
                ctx -> ctx.actions()
                        .reply(
                                new dev.bridle.bot.PostRef(
                                        anas.id(), new dev.bridle.bot.UserRef(sandbox.userId("ana"), "ana")),
                                "We are looking into it. Status: https://status.acme.example"));
        run.later();
        ActionResult second = run.act(
                "help",
                ctx -> ctx.actions()
                        .reply(
                                new dev.bridle.bot.PostRef(
                                        bens.id(), new dev.bridle.bot.UserRef(sandbox.userId("ben"), "ben")),
                                "We are looking into it. Status: https://status.acme.example"));

        assertThat(first.sent()).isTrue();
        assertThat(second)
                .isInstanceOfSatisfying(
                        ActionResult.Denied.class,
                        d -> assertThat(d.code()).isEqualTo(ReasonCode.DUPLICATE_SAME_ACCOUNT));
        assertThat(sandbox.sent("acme_help").replies()).hasSize(1);
    }

    @Test
    void theSameAccountMayNotPostTheSameTextTwice() {
        run.act("news", ctx -> ctx.actions().post("Maintenance tonight from 22:00 to 23:00 UTC."));
        run.later();

        ActionResult again = run.act("news", ctx -> ctx.actions().post("Maintenance tonight from 22:00 to 23:00 UTC."));

        assertThat(again)
                .isInstanceOfSatisfying(
                        ActionResult.Denied.class,
                        d -> assertThat(d.code()).isEqualTo(ReasonCode.DUPLICATE_SAME_ACCOUNT));
        assertThat(sandbox.posts()).hasSize(1);
    }
}
