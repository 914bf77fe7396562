package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.bridle.bot.Account;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Bot;
import dev.bridle.bot.BotContext;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.config.Environment;
import dev.bridle.config.Inbound;
import dev.bridle.consent.ConsentScope;
import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.AppConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.PlatformConfig;
import dev.bridle.internal.config.SchedulerConfig;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.runtime.BridleRuntime;
import dev.bridle.internal.runtime.ContactSettings;
import dev.bridle.internal.runtime.PlatformSource;
import dev.bridle.internal.runtime.RuntimeOptions;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.TestStores;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformReceipt;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxDm;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opt-outs pushed by the sandbox's Account Activity webhook (signed with the app's consumer secret) into a running
 * Bridle. The platform calls go to a Mockito platform until the twitter4j adapter lands; the webhook traffic is the
 * sandbox's own.
 */
class WebhookOptOutTest {

    /** Remembers what it was given; on schedule, messages Ana. */
    public static final class Listener implements Bot {
        static final List<String> SEEN = new CopyOnWriteArrayList<>();
        static final List<ActionResult> RESULTS = new CopyOnWriteArrayList<>();

        @Override
        public void onMention(Mention mention, BotContext ctx) {
            SEEN.add(mention.text());
        }

        @Override
        public void onDirectMessage(DirectMessage message, BotContext ctx) {
            SEEN.add(message.text());
        }

        @Override
        public void onSchedule(BotContext ctx) {
            RESULTS.add(ctx.actions().directMessage(UserRef.ofId(ANA_ID), "hello"));
        }
    }

    static String ANA_ID;

    @TempDir
    Path dir;

    private Sandbox sandbox;
    private final Platform platform = mock(Platform.class);
    private final List<ActionRequest> performed = new CopyOnWriteArrayList<>();
    private final List<DirectMessage> polled = new CopyOnWriteArrayList<>();
    private BridleRuntime runtime;

    @BeforeEach
    void setUp() throws Exception {
        Listener.SEEN.clear();
        Listener.RESULTS.clear();
        sandbox = Sandbox.builder()
                .account("acme_news")
                .simulatedUser("ana")
                .build()
                .start();
        ANA_ID = sandbox.userId("ana");
        Account news = new Account("acme_news", sandbox.account("acme_news").userId());
        when(platform.verifyCredentials(any())).thenReturn(news);
        when(platform.perform(any())).thenAnswer(inv -> {
            performed.add(inv.getArgument(0));
            return new PlatformReceipt("9001");
        });
        when(platform.mentionsSince(any(), any())).thenReturn(List.of());
        when(platform.directMessagesSince(any(), any())).thenAnswer(inv -> List.copyOf(polled));
        when(platform.lookupHandle(any(), any())).thenReturn(Optional.empty());

        ContactSettings defaults = ContactSettings.defaults("acme-bots-dev");
        ContactSettings contact = new ContactSettings(
                defaults.consent(),
                defaults.optOut(),
                defaults.webhook()
                        .enabledOn(0)
                        .withConsumerSecret(Secret.of(sandbox.app().consumerSecret())));
        BridleConfig config = new BridleConfig(
                "<test>",
                Environment.DEV,
                new AppConfig("acme-bots-dev", "test"),
                false,
                TestStores.h2(dir),
                new PlatformConfig(PlatformConfig.ApiVersion.V2, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(new AccountConfig("acme_news", null)),
                List.of(new BotConfig(
                        "listener",
                        Listener.class.getName(),
                        "acme_news",
                        null,
                        Set.of(Inbound.MENTIONS, Inbound.DIRECT_MESSAGES))));
        runtime = BridleRuntime.create(
                config,
                PlatformSource.of(platform),
                Clock.systemUTC(),
                RuntimeOptions.defaults().contact(contact));
        runtime.start();
        sandbox.registerWebhook(runtime.webhook().orElseThrow().url());
    }

    @AfterEach
    void tearDown() {
        runtime.close();
        sandbox.close();
    }

    @Test
    void aStopPushedByTheWebhookIsRecordedBeforeTheWebhookIsAnsweredAndConfirmedOnce() {
        runtime.consents()
                .grant(ConsentGrant.of(ANA_ID, EnumSet.of(ConsentScope.DM), Evidence.reference(Channel.API, "form")));

        sandbox.injectDm("ana", "acme_news", "STOP");

        assertThat(sandbox.webhookDeliveries())
                .singleElement()
                .satisfies(d -> assertThat(d.delivered()).isTrue());
        assertThat(runtime.optOuts().status(ANA_ID).suppressed("acme_news"))
                .as("durable before the 200")
                .isTrue();
        assertThat(performed).singleElement().satisfies(r -> {
            assertThat(r.origin()).isEqualTo(ActionOrigin.COMPLIANCE);
            assertThat(r.targets().get(0).user().id()).isEqualTo(ANA_ID);
        });
        assertThat(Listener.SEEN).isEmpty();
        runtime.bots().runScheduled("listener");
        assertThat(Listener.RESULTS)
                .singleElement()
                .satisfies(r -> assertThat(((ActionResult.Denied) r).code()).isEqualTo(ReasonCode.OPTED_OUT));
    }

    @Test
    void ordinaryPushedMessagesReachTheBotsAndAMessageAlsoPolledIsHandledOnce() {
        sandbox.injectMention("ana", "acme_news", "love the release");
        SandboxDm dm = sandbox.injectDm("ana", "acme_news", "how do I upgrade?");
        polled.add(new DirectMessage(dm.id(), new UserRef(ANA_ID, "ana"), dm.text(), dm.createdAt()));

        runtime.poller().pollDirectMessages();

        assertThat(Listener.SEEN).containsExactly("@acme_news love the release", "how do I upgrade?");
    }

    @Test
    void aPostWithAForgedSignatureIsRefusedAndChangesNothing() throws Exception {
        String body = "{\"for_user_id\":\"" + sandbox.account("acme_news").userId()
                + "\",\"direct_message_events\":[{\"type\":"
                + "\"message_create\",\"id\":\"1\",\"created_timestamp\":\"1\",\"message_create\":{\"target\":{\"recipient_id\":\""
                + sandbox.account("acme_news").userId() + "\"},\"sender_id\":\"" + ANA_ID
                + "\",\"message_data\":{\"text\":\"START\"}}}]}";
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(runtime.webhook().orElseThrow().url())
                                .header("x-twitter-webhooks-signature", "sha256=bm90IHRoZSByaWdodCBzaWduYXR1cmU=")
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(runtime.consents().history(ANA_ID)).isEmpty();
    }

    @Test
    void aWebhookAnsweringWithAnotherAppsSecretFailsTheSandboxesCrc() {
        try (Sandbox other = Sandbox.builder()
                .app("other", "other-key", "other-secret")
                .account("acme_news")
                .build()
                .start()) {
            assertThatThrownBy(() -> other.registerWebhook(
                            runtime.webhook().orElseThrow().url()))
                    .hasMessageContaining("CrcValidationFailed");
        }
    }
}
