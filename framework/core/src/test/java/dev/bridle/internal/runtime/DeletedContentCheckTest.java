package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.Account;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.people.DeletedContent;
import dev.bridle.internal.people.PersonFacts;
import dev.bridle.internal.platform.twitter.SandboxFixture;
import dev.bridle.internal.store.Database;
import dev.bridle.internal.store.TestStores;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Content deleted on the platform goes from what Bridle keeps: housekeeping's check rereads the kept posts on the real
 * sandbox, and what the author deleted there is forgotten; what the platform cannot tell about stays.
 */
class DeletedContentCheckTest {

    @TempDir
    Path dir;

    private final SandboxFixture fx = new SandboxFixture();
    private Database db;
    private PersonFacts facts;
    private ConsentRegistry consents;
    private DeletedContent content;

    @BeforeEach
    void open() {
        db = Database.open(TestStores.h2(dir));
        db.migrate();
        facts = new PersonFacts(db, fx.clock);
        consents = new ConsentRegistry(db, fx.clock, ConsentSettings.defaults("acme-bots-dev"));
        content = new DeletedContent(
                consents, new OptOutRegistry(db, fx.clock, OptOutSettings.defaults(), consents), facts);
    }

    @AfterEach
    void close() {
        db.close();
        fx.close();
    }

    private DeletedContentCheck check() {
        Account acme = fx.account("acme");
        return new DeletedContentCheck(content, fx.platform(ApiVersion.V2), () -> acme);
    }

    @Test
    void whatTheAuthorDeletedOnThePlatformIsForgottenAndTheRestKept() {
        SandboxPost language = fx.sandbox.injectPost("ana", "#lang de please");
        SandboxPost note = fx.sandbox.injectPost("ana", "#note call me after 6pm");
        SandboxPost consent = fx.sandbox.injectPost("ben", "@acme yes, reply to me");
        String ana = fx.sandbox.userId("ana");
        facts.put("support", ana, "preferred-language", "de", language.id(), false);
        facts.put("support", ana, "note", "call me after 6pm", note.id(), false);
        consents.grant(ConsentGrant.of(
                fx.sandbox.userId("ben"),
                Set.of(ConsentScope.REPLY),
                Evidence.inbound(Channel.MENTION, consent.id(), "@acme yes, reply to me")));
        assertThat(content.keptPostIds()).containsExactlyInAnyOrder(language.id(), note.id(), consent.id());

        fx.sandbox.deleteOnX(note.id());
        fx.sandbox.deleteOnX(consent.id());
        check().run();

        assertThat(facts.about(ana)).extracting(f -> f.key()).containsExactly("preferred-language");
        assertThat(consents.history(fx.sandbox.userId("ben")).get(0).evidence().inboundText())
                .isNull();
        assertThat(consents.history(fx.sandbox.userId("ben")).get(0).evidence().inboundId())
                .isEqualTo(consent.id());
        assertThat(content.keptPostIds()).containsExactly(language.id());
    }

    @Test
    void whenThePlatformCannotTellNothingIsForgotten() {
        SandboxPost note = fx.sandbox.injectPost("ana", "#note call me after 6pm");
        facts.put("support", fx.sandbox.userId("ana"), "note", "call me after 6pm", note.id(), false);
        fx.sandbox.faults(FaultPlan.builder()
                .script("GET /2/tweets", s -> s.then(Fault.serviceUnavailable()))
                .build());

        assertThatThrownBy(() -> check().run()).hasMessageContaining("cannot learn which of 1 posts were deleted");
        assertThat(facts.about(fx.sandbox.userId("ana"))).hasSize(1);
    }
}
