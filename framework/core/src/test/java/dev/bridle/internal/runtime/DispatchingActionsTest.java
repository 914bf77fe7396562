package dev.bridle.internal.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.bridle.bot.ActionResult;
import dev.bridle.bot.Mention;
import dev.bridle.bot.PostRef;
import dev.bridle.bot.ReasonCode;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import dev.bridle.internal.audit.InMemoryAuditLedger;
import dev.bridle.internal.guard.Decision;
import dev.bridle.internal.guard.GuardChain;
import dev.bridle.internal.platform.HandleResolver;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformReceipt;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DispatchingActionsTest {

    private static final UserRef ANA = new UserRef("2001", "ana");
    private static final UserRef BEN = new UserRef("2002", "ben");

    private final Clock clock = Clock.fixed(Requests.T0, ZoneOffset.UTC);
    private final Platform platform = mock(Platform.class);
    private final InMemoryAuditLedger ledger = new InMemoryAuditLedger();
    private final AtomicReference<ActionRequest> sent = new AtomicReference<>();
    private final GuardChain none = new GuardChain(List.of());
    private GuardChain plan;
    private DispatchingActions actions;

    @BeforeEach
    void setUp() throws Exception {
        when(platform.perform(any())).thenAnswer(inv -> {
            sent.set(inv.getArgument(0));
            return new PlatformReceipt("9001");
        });
        plan = new GuardChain(List.of(new MentionStep(new HandleResolver(platform, clock))), List.of());
        ActionDispatcher dispatcher = new ActionDispatcher(plan, none, ledger, platform, clock);
        actions = new DispatchingActions("thanks", Requests.ACCOUNT, dispatcher, clock);
    }

    @AfterEach
    void tearDown() {
        none.close();
        plan.close();
    }

    @Test
    void aReplyTargetsTheAuthorAndEveryoneItMentions() throws Exception {
        when(platform.lookupHandle(Requests.ACCOUNT, "ben")).thenReturn(Optional.of(BEN));
        Mention mention = new Mention("555", ANA, "@acme_news hello", Requests.T0);

        ActionResult result = actions.reply(mention, "Thanks! cc @ben and @acme_news");

        assertThat(result.sent()).isTrue();
        ActionRequest request = sent.get();
        assertThat(request.kind()).isEqualTo(ActionKind.REPLY);
        assertThat(request.targets())
                .containsExactly(new Target(ANA, TargetRole.REPLIED_TO), new Target(BEN, TargetRole.MENTIONED));
        assertThat(request.post()).isEqualTo(new PostRef("555", ANA));
        assertThat(request.inboundId()).isEqualTo("555");
        assertThat(request.requestedAt()).isEqualTo(Requests.T0);
    }

    @Test
    void aPostThatMentionsSomeoneTargetsThem() throws Exception {
        when(platform.lookupHandle(Requests.ACCOUNT, "ana")).thenReturn(Optional.of(ANA));

        actions.post("Welcome @Ana!");

        assertThat(sent.get().targets()).containsExactly(new Target(ANA, TargetRole.MENTIONED));
    }

    @Test
    void aMentionOfAnUnknownHandleIsDeniedAndRecorded() throws Exception {
        when(platform.lookupHandle(Requests.ACCOUNT, "ghost")).thenReturn(Optional.empty());

        ActionResult result = actions.post("hello @ghost");

        assertThat(result).isInstanceOfSatisfying(ActionResult.Denied.class, d -> {
            assertThat(d.code()).isEqualTo(ReasonCode.NO_CONSENT);
            assertThat(d.message()).contains("@ghost");
        });
        verify(platform, never()).perform(any());
        assertThat(ledger.records())
                .singleElement()
                .satisfies(r -> assertThat(r.guard()).isEqualTo("mentions"));
    }

    @Test
    void aMentionThatCannotBeLookedUpFailsClosed() throws Exception {
        when(platform.lookupHandle(eq(Requests.ACCOUNT), eq("ana")))
                .thenThrow(new PlatformException(PlatformException.Kind.NOT_APPLIED, "connection refused"));

        ActionResult result = actions.post("hello @ana");

        assertThat(result)
                .isInstanceOfSatisfying(
                        ActionResult.Denied.class, d -> assertThat(d.code()).isEqualTo(ReasonCode.GUARD_UNAVAILABLE));
        verify(platform, never()).perform(any());
    }

    // A deferred action runs the plan again; the mention step must not add the user it added the first time.
    @Test
    void aRequestWhoseMentionsAreResolvedAlreadyIsNotResolvedAgain() throws Exception {
        when(platform.lookupHandle(Requests.ACCOUNT, "ana")).thenReturn(Optional.of(ANA));
        actions.post("Welcome @Ana!");
        ActionRequest first = sent.get();

        Decision again = plan.evaluate(first);

        assertThat(again.requestOr(first).targets()).containsExactly(new Target(ANA, TargetRole.MENTIONED));
        verify(platform, org.mockito.Mockito.times(1)).lookupHandle(Requests.ACCOUNT, "ana");
    }

    @Test
    void handleLookupsAreCached() throws Exception {
        when(platform.lookupHandle(Requests.ACCOUNT, "ana")).thenReturn(Optional.of(ANA));

        actions.post("one @ana");
        actions.post("two @ANA");

        verify(platform, org.mockito.Mockito.times(1)).lookupHandle(Requests.ACCOUNT, "ana");
    }

    @Test
    void followsMessagesLikesAndRepostsNameTheUserTheyReach() {
        actions.follow(BEN);
        assertThat(sent.get().targets()).containsExactly(new Target(BEN, TargetRole.FOLLOWED));

        actions.unfollow(BEN);
        assertThat(sent.get().targets()).containsExactly(new Target(BEN, TargetRole.UNFOLLOWED));

        actions.directMessage(ANA, "hi");
        assertThat(sent.get().targets()).containsExactly(new Target(ANA, TargetRole.RECIPIENT));

        actions.like(new PostRef("77", BEN));
        assertThat(sent.get().kind()).isEqualTo(ActionKind.LIKE);
        assertThat(sent.get().targets()).containsExactly(new Target(BEN, TargetRole.POST_AUTHOR));

        actions.repost(new PostRef("78", null));
        assertThat(sent.get().kind()).isEqualTo(ActionKind.REPOST);
        assertThat(sent.get().targets()).isEmpty();
    }
}
