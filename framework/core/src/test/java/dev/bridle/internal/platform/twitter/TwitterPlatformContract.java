package dev.bridle.internal.platform.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bridle.bot.Account;
import dev.bridle.bot.DirectMessage;
import dev.bridle.bot.Mention;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.ratelimit.PlatformLimits;
import dev.bridle.platform.ActionTrace;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformException.Kind;
import dev.bridle.sandbox.AccountFlag;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.fault.Fault;
import dev.bridle.sandbox.fault.FaultPlan;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the adapter must do against the sandbox over real loopback HTTP with real OAuth signatures: every endpoint, the
 * request bodies it sends (golden files), and every platform error as the {@link Kind} that says what to do. One
 * subclass per API version.
 */
abstract class TwitterPlatformContract {

    SandboxFixture fixture;
    TwitterPlatform platform;
    Account acme;
    Account beta;
    String anaId;

    /** The API under test. */
    abstract ApiVersion api();

    /** The directory of this API's golden requests. */
    abstract String golden();

    /** The sandbox endpoint id posts go to. */
    abstract String postEndpoint();

    /** The sandbox endpoint id mentions are read from. */
    abstract String mentionsEndpoint();

    @BeforeEach
    void start() {
        fixture = new SandboxFixture();
        platform = fixture.platform(api());
        acme = fixture.account("acme");
        beta = fixture.account("beta");
        anaId = fixture.sandbox.userId("ana");
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private PlatformException failure(ActionRequest request) {
        return catchThrowableOfType(PlatformException.class, () -> platform.perform(request));
    }

    private ActionTrace trace(ActionRequest request) {
        return ActionTrace.of(request, SandboxFixture.T0.minusSeconds(300));
    }

    // --- endpoints ---

    @Test
    void verifyingCredentialsGivesTheAccountItsUserId() throws Exception {
        Account verified = platform.verifyCredentials(new Account("acme", null));

        assertThat(verified).isEqualTo(new Account("acme", fixture.sandbox.userId("acme")));
        GoldenRequests.assertMatches(golden() + "/verify_credentials", fixture.lastSent());
    }

    @Test
    void credentialsOfAnotherAccountAreRefusedAsBad() {
        TwitterPlatform crossed = fixture.builder(api())
                .account("gamma", fixture.credentials("beta"))
                .build();

        PlatformException e = catchThrowableOfType(
                PlatformException.class, () -> crossed.verifyCredentials(new Account("gamma", null)));

        assertThat(e.kind()).isEqualTo(Kind.BAD_CREDENTIALS);
        assertThat(e.getMessage()).contains("@gamma", "@beta");
    }

    @Test
    void aPostGoesOutAndItsIdComesBack() throws Exception {
        String id = platform.perform(Actions.post(acme, "Release 2.1 is out & it's *fast*"))
                .platformId();

        assertThat(fixture.sandbox.sent("acme").posts())
                .extracting(SandboxPost::id, SandboxPost::text)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, "Release 2.1 is out & it's *fast*"));
        GoldenRequests.assertMatches(golden() + "/post", fixture.lastSent());
    }

    @Test
    void aReplyAnswersThePostItIsFor() throws Exception {
        SandboxPost mention = fixture.sandbox.injectMention("ana", "acme", "when is the release?");

        String id = platform.perform(Actions.reply(acme, mention.id(), anaId, "@ana tomorrow!"))
                .platformId();

        assertThat(fixture.sandbox.sent("acme").replies()).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo(id);
            assertThat(r.inReplyToPostId()).isEqualTo(mention.id());
        });
        GoldenRequests.assertMatches(golden() + "/reply", fixture.lastSent());
    }

    @Test
    void followAndUnfollowChangeWhomTheAccountFollows() throws Exception {
        assertThat(platform.perform(Actions.follow(acme, anaId)).platformId()).isEqualTo(anaId);
        assertThat(fixture.sandbox.following("acme")).containsExactly(anaId);
        GoldenRequests.assertMatches(golden() + "/follow", fixture.lastSent());

        assertThat(platform.perform(Actions.unfollow(acme, anaId)).platformId()).isEqualTo(anaId);
        assertThat(fixture.sandbox.following("acme")).isEmpty();
        GoldenRequests.assertMatches(golden() + "/unfollow", fixture.lastSent());
    }

    @Test
    void likeAndRepostActOnThePost() throws Exception {
        SandboxPost post = fixture.sandbox.injectMention("ana", "acme", "look at this");

        assertThat(platform.perform(Actions.like(acme, post.id(), anaId)).platformId())
                .isEqualTo(post.id());
        GoldenRequests.assertMatches(golden() + "/like", fixture.lastSent());
        assertThat(platform.perform(Actions.repost(acme, post.id(), anaId)).platformId())
                .isEqualTo(post.id());
        GoldenRequests.assertMatches(golden() + "/repost", fixture.lastSent());

        assertThat(fixture.sandbox.sent("acme").likes())
                .extracting(l -> l.postId())
                .containsExactly(post.id());
        assertThat(fixture.sandbox.sent("acme").reposts())
                .extracting(SandboxPost::repostOfId)
                .containsExactly(post.id());
    }

    @Test
    void aDirectMessageReachesItsRecipient() throws Exception {
        String id = platform.perform(Actions.message(acme, anaId, "thanks for asking!"))
                .platformId();

        assertThat(fixture.sandbox.dms()).singleElement().satisfies(dm -> {
            assertThat(dm.id()).isEqualTo(id);
            assertThat(dm.recipientId()).isEqualTo(anaId);
            assertThat(dm.text()).isEqualTo("thanks for asking!");
        });
        GoldenRequests.assertMatches(golden() + "/direct_message", fixture.lastSent());
    }

    @Test
    void mentionsSinceAnIdComeOldestFirstWithTheirAuthors() throws Exception {
        SandboxPost first = fixture.sandbox.injectMention("ana", "acme", "one");
        fixture.clock.advance(Duration.ofSeconds(5));
        SandboxPost second = fixture.sandbox.injectMention("ben", "acme", "two");
        fixture.sandbox.injectMention("ana", "beta", "not for acme");

        List<Mention> all = platform.mentionsSince(acme, null);
        GoldenRequests.assertMatches(golden() + "/mentions", fixture.lastSent());
        List<Mention> newer = platform.mentionsSince(acme, first.id());

        assertThat(all).extracting(Mention::postId).containsExactly(first.id(), second.id());
        assertThat(all.get(0).author()).isEqualTo(new UserRef(anaId, "ana"));
        assertThat(all.get(0).text()).isEqualTo(first.text());
        assertThat(all.get(1).createdAt()).isEqualTo(SandboxFixture.T0.plusSeconds(5));
        assertThat(newer).extracting(Mention::postId).containsExactly(second.id());
    }

    @Test
    void directMessagesSinceAnIdAreThoseToTheAccountOldestFirst() throws Exception {
        SandboxDm first = fixture.sandbox.injectDm("ana", "acme", "START");
        platform.perform(Actions.message(acme, anaId, "welcome!"));
        SandboxDm second = fixture.sandbox.injectDm("ben", "acme", "HELP");

        List<DirectMessage> all = platform.directMessagesSince(acme, null);
        GoldenRequests.assertMatches(golden() + "/direct_messages", fixture.lastSent());
        List<DirectMessage> newer = platform.directMessagesSince(acme, first.id());

        assertThat(all).extracting(DirectMessage::eventId).containsExactly(first.id(), second.id());
        assertThat(all.get(0).sender()).isEqualTo(new UserRef(anaId, "ana"));
        assertThat(all.get(0).text()).isEqualTo("START");
        assertThat(newer).extracting(DirectMessage::eventId).containsExactly(second.id());
    }

    @Test
    void handlesResolveToUserIdsAndUnknownOnesToNothing() throws Exception {
        assertThat(platform.lookupHandle(acme, "@ana")).contains(new UserRef(anaId, "ana"));
        GoldenRequests.assertMatches(golden() + "/lookup_handle", fixture.lastSent());
        assertThat(platform.lookupHandle(acme, "nobody_here")).isEmpty();
        int before = fixture.requests().size();
        assertThat(platform.lookupHandle(acme, "not a handle!")).isEmpty();
        assertThat(fixture.requests()).as("an impossible handle is not sent").hasSize(before);
    }

    @Test
    void everyAnswersRateLimitHeadersAreFedBackForTheKindsItServes() throws Exception {
        platform.perform(Actions.post(acme, "hello"));

        long limit = fixture.sandbox.rateLimit(postEndpoint());
        for (ActionKind kind : List.of(ActionKind.POST, ActionKind.REPLY)) {
            assertThat(fixture.limits.lastSaid(acme, kind)).as(kind.name()).hasValueSatisfying(w -> {
                assertThat(w.limit()).isEqualTo(limit);
                assertThat(w.remaining()).isEqualTo(limit - 1);
            });
        }
    }

    // --- reconciliation ---

    @Test
    void anAppliedPostOrReplyIsFoundByItsTextAndAnotherIsNot() throws Exception {
        ActionRequest post = Actions.post(acme, "found me");
        String id = platform.perform(post).platformId();
        SandboxPost mention = fixture.sandbox.injectMention("ana", "acme", "hi");
        ActionRequest reply = Actions.reply(acme, mention.id(), anaId, "@ana hello");
        String replyId = platform.perform(reply).platformId();

        assertThat(platform.findApplied(trace(post))).contains(id);
        assertThat(platform.findApplied(trace(reply))).contains(replyId);
        assertThat(platform.findApplied(trace(Actions.post(acme, "never posted"))))
                .isEmpty();
        assertThat(platform.findApplied(trace(Actions.post(beta, "found me"))))
                .as("another account's timeline")
                .isEmpty();
    }

    @Test
    void anAppliedMessageIsFoundByTextAndRecipient() throws Exception {
        ActionRequest message = Actions.message(acme, anaId, "your code is 42");
        String id = platform.perform(message).platformId();

        assertThat(platform.findApplied(trace(message))).contains(id);
        assertThat(platform.findApplied(trace(Actions.message(acme, fixture.sandbox.userId("ben"), "your code is 42"))))
                .isEmpty();
        assertThat(platform.findApplied(trace(Actions.message(acme, anaId, "another text"))))
                .isEmpty();
    }

    @Test
    void aPostOrMessageWithLinksIsFoundThoughThePlatformShowsItsLinksAsTcoLinks() throws Exception {
        ActionRequest post =
                Actions.post(acme, "Release 2.4 <beta> & notes: https://example.com/r/2.4?a=1&b=2 #release");
        String id = platform.perform(post).platformId();
        ActionRequest message = Actions.message(acme, anaId, "Your invite: https://acme.dev/join?code=42&lang=en.");
        String messageId = platform.perform(message).platformId();

        assertThat(platform.findApplied(trace(post))).contains(id);
        assertThat(platform.findApplied(trace(message))).contains(messageId);
        assertThat(platform.findApplied(trace(
                        Actions.post(acme, "Release 2.4 <beta> & notes: https://example.com/r/2.5?a=1&b=2 #release"))))
                .as("another link")
                .isEmpty();
    }

    @Test
    void inboundTextReadsAsWrittenNotAsThePlatformShowsIt() throws Exception {
        fixture.sandbox.injectMention("ana", "acme", "@acme STOP & see https://ana.example/why <3");
        fixture.sandbox.injectDm("ana", "acme", "details at https://ana.example/d?x=1&y=2");

        assertThat(platform.mentionsSince(acme, null))
                .extracting(Mention::text)
                .containsExactly("@acme STOP & see https://ana.example/why <3");
        assertThat(platform.directMessagesSince(acme, null))
                .extracting(DirectMessage::text)
                .containsExactly("details at https://ana.example/d?x=1&y=2");
    }

    @Test
    void followsUnfollowsLikesAndRepostsAreFoundByTheirState() throws Exception {
        SandboxPost post = fixture.sandbox.injectMention("ana", "acme", "nice");
        ActionRequest follow = Actions.follow(acme, anaId);
        ActionRequest unfollow = Actions.unfollow(acme, anaId);
        ActionRequest like = Actions.like(acme, post.id(), anaId);
        ActionRequest repost = Actions.repost(acme, post.id(), anaId);
        assertThat(platform.findApplied(trace(follow))).isEmpty();
        assertThat(platform.findApplied(trace(like))).isEmpty();
        assertThat(platform.findApplied(trace(repost))).isEmpty();

        platform.perform(follow);
        platform.perform(like);
        platform.perform(repost);
        assertThat(platform.findApplied(trace(follow))).contains(anaId);
        assertThat(platform.findApplied(trace(unfollow))).isEmpty();
        assertThat(platform.findApplied(trace(like))).contains(post.id());
        assertThat(platform.findApplied(trace(repost))).contains(post.id());

        platform.perform(unfollow);
        assertThat(platform.findApplied(trace(unfollow))).contains(anaId);
    }

    @Test
    void aLikeWhosePostIsUnknownCannotBeReconciled() {
        ActionTrace fromLedger = new ActionTrace(acme, ActionKind.LIKE, null, List.of(anaId), null, SandboxFixture.T0);

        assertThat(catchThrowableOfType(PlatformException.class, () -> platform.findApplied(fromLedger)))
                .hasMessageContaining("cannot tell");
    }

    // --- errors become kinds ---

    @Test
    void aRateLimitSaysUntilWhenAndNoRequestIsMadeBeforeThen() throws Exception {
        fixture.sandbox.faults(FaultPlan.builder()
                .script(postEndpoint(), s -> s.then(Fault.tooManyRequests()))
                .build());

        PlatformException limited = failure(Actions.post(acme, "one"));
        int requests = fixture.requests().size();
        PlatformException again = failure(Actions.post(acme, "two"));

        assertThat(limited.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(limited.errorCode()).isEqualTo(88);
        assertThat(limited.retryAt()).isAfter(SandboxFixture.T0);
        assertThat(again.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(again.retryAt()).isEqualTo(limited.retryAt());
        assertThat(fixture.requests()).as("nothing sent before the reset").hasSize(requests);
        assertThat(fixture.limits.refusal(acme, ActionKind.POST))
                .contains(new PlatformLimits.Refusal(false, limited.retryAt(), 88));
        assertThat(fixture.limits.refusal(acme, ActionKind.REPLY))
                .as("the same endpoint")
                .isPresent();
        assertThat(platform.perform(Actions.post(beta, "other accounts carry on"))
                        .platformId())
                .isNotBlank();

        fixture.clock.set(limited.retryAt());
        assertThat(platform.perform(Actions.post(acme, "three")).platformId()).isNotBlank();
    }

    @Test
    void aReadWithNoRequestsLeftWaitsForTheResetWithoutAsking() throws Exception {
        try (SandboxFixture limited =
                new SandboxFixture(SandboxLimits.defaults().withRateLimit(mentionsEndpoint(), 1))) {
            TwitterPlatform adapter = limited.platform(api());
            Account account = limited.account("acme");
            adapter.mentionsSince(account, null);
            int requests = limited.requests().size();

            PlatformException e =
                    catchThrowableOfType(PlatformException.class, () -> adapter.mentionsSince(account, null));

            assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
            assertThat(limited.requests()).hasSize(requests);
        }
    }

    @Test
    void dailyLimitsAreTheirOwnKindWithTheirCode() throws Exception {
        try (SandboxFixture tight = new SandboxFixture(
                SandboxLimits.defaults().withDailyPosts(1).withDailyFollows(1).withDailyDms(1))) {
            TwitterPlatform adapter = tight.platform(api());
            Account account = tight.account("acme");
            String ana = tight.sandbox.userId("ana");
            String ben = tight.sandbox.userId("ben");
            adapter.perform(Actions.post(account, "first"));
            adapter.perform(Actions.follow(account, ana));
            adapter.perform(Actions.message(account, ana, "first"));

            PlatformException posts = catchThrowableOfType(
                    PlatformException.class, () -> adapter.perform(Actions.post(account, "second")));
            PlatformException follows =
                    catchThrowableOfType(PlatformException.class, () -> adapter.perform(Actions.follow(account, ben)));
            PlatformException dms = catchThrowableOfType(
                    PlatformException.class, () -> adapter.perform(Actions.message(account, ben, "2")));

            assertThat(posts.kind()).isEqualTo(Kind.DAILY_LIMIT);
            assertThat(posts.errorCode()).isEqualTo(185);
            assertThat(follows.kind()).isEqualTo(Kind.DAILY_LIMIT);
            assertThat(follows.errorCode()).isEqualTo(161);
            assertThat(dms.kind()).as(dms.getMessage()).isEqualTo(Kind.DAILY_LIMIT);
            assertThat(posts.retryAt()).isAfter(SandboxFixture.T0.plus(Duration.ofHours(23)));
            assertThat(tight.limits.refusal(account, ActionKind.POST))
                    .contains(new PlatformLimits.Refusal(true, posts.retryAt(), 185));
            PlatformException again = catchThrowableOfType(
                    PlatformException.class, () -> adapter.perform(Actions.post(account, "third")));
            assertThat(again.kind()).as("no request, and still the daily limit").isEqualTo(Kind.DAILY_LIMIT);
            assertThat(again.errorCode()).isEqualTo(185);
            assertThat(again.getMessage()).contains("no request was made");
        }
    }

    @Test
    void theSameTextTwiceIsADuplicate() throws Exception {
        platform.perform(Actions.post(acme, "same words"));

        PlatformException e = failure(Actions.post(acme, "same words"));

        assertThat(e.kind()).isEqualTo(Kind.DUPLICATE);
        assertThat(e.errorCode()).isEqualTo(187);
        assertThat(e.httpStatus()).isEqualTo(403);
    }

    @Test
    void aLockedAccountIsRestrictedWhileAnotherCarriesOn() throws Exception {
        fixture.sandbox.flag("acme", AccountFlag.LOCKED);

        PlatformException e = failure(Actions.post(acme, "hello"));

        assertThat(e.kind()).isEqualTo(Kind.ACCOUNT_RESTRICTED);
        assertThat(e.errorCode()).isEqualTo(326);
        assertThat(platform.perform(Actions.post(beta, "hello")).platformId()).isNotBlank();
    }

    @Test
    void anAutomatedLookingRequestAndAReadOnlyAppRestrictTheAccount() {
        fixture.sandbox.flag("acme", AccountFlag.FLAGGED_AUTOMATED);
        PlatformException automated = failure(Actions.post(acme, "hello"));
        fixture.sandbox.flag("acme", AccountFlag.WRITE_RESTRICTED);
        PlatformException readOnly = failure(Actions.follow(acme, anaId));

        assertThat(automated.kind()).isEqualTo(Kind.ACCOUNT_RESTRICTED);
        assertThat(automated.errorCode()).isEqualTo(226);
        assertThat(readOnly.kind()).isEqualTo(Kind.ACCOUNT_RESTRICTED);
        assertThat(readOnly.errorCode()).isEqualTo(261);
    }

    @Test
    void aRevokedTokenIsBadCredentials() {
        fixture.sandbox.flag("acme", AccountFlag.TOKEN_REVOKED);

        PlatformException e = catchThrowableOfType(
                PlatformException.class, () -> platform.verifyCredentials(new Account("acme", null)));

        assertThat(e.kind()).isEqualTo(Kind.BAD_CREDENTIALS);
        assertThat(e.errorCode()).isEqualTo(89);
        assertThat(e.httpStatus()).isEqualTo(401);
    }

    @Test
    void aServerErrorLeavesAWriteInDoubtAndAReadNotApplied() {
        fixture.sandbox.faults(FaultPlan.builder()
                .script(postEndpoint(), s -> s.then(Fault.serviceUnavailable()))
                .script(mentionsEndpoint(), s -> s.then(Fault.status(500)))
                .build());

        PlatformException write = failure(Actions.post(acme, "hello"));
        PlatformException read =
                catchThrowableOfType(PlatformException.class, () -> platform.mentionsSince(acme, null));

        assertThat(write.kind()).isEqualTo(Kind.IN_DOUBT);
        assertThat(write.httpStatus()).isEqualTo(503);
        assertThat(read.kind()).isEqualTo(Kind.NOT_APPLIED);
    }

    @Test
    void aConnectionDroppedAfterTheWriteIsInDoubtAndTheJdkDoesNotSendItAgain() throws Exception {
        fixture.sandbox.faults(FaultPlan.builder()
                .script(postEndpoint(), s -> s.then(Fault.dropAfter()))
                .build());
        ActionRequest post = Actions.post(acme, "dropped after");

        PlatformException e = failure(post);

        assertThat(e.kind()).isEqualTo(Kind.IN_DOUBT);
        assertThat(fixture.sandbox.sent("acme").posts()).hasSize(1);
        assertThat(fixture.requests())
                .filteredOn(r -> postEndpoint().equals(r.endpoint()))
                .as("one POST on the wire: sun.net.http.retryPost is off")
                .hasSize(1);
        assertThat(platform.findApplied(trace(post)))
                .contains(fixture.sandbox.sent("acme").posts().get(0).id());
    }

    @Test
    void aConnectionDroppedBeforeTheWriteLooksTheSameAndReconcilesAsNotApplied() throws Exception {
        fixture.sandbox.faults(FaultPlan.builder()
                .script(postEndpoint(), s -> s.then(Fault.dropBefore()))
                .build());
        ActionRequest post = Actions.post(acme, "dropped before");

        PlatformException e = failure(post);

        assertThat(e.kind()).isEqualTo(Kind.IN_DOUBT);
        assertThat(fixture.sandbox.sent("acme").posts()).isEmpty();
        assertThat(platform.findApplied(trace(post))).isEmpty();
    }

    @Test
    void aRefusedConnectionCertainlyDidNotApply() throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        TwitterPlatform nowhere = fixture.builder(api())
                .baseUrl("http://127.0.0.1:" + closed + "/")
                .build();

        PlatformException e =
                catchThrowableOfType(PlatformException.class, () -> nowhere.perform(Actions.post(acme, "hello")));

        assertThat(e.kind()).isEqualTo(Kind.NOT_APPLIED);
        assertThat(e.getMessage()).contains("never reached the platform");
    }

    @Test
    void unknownAccountsAreRefused() {
        PlatformException e = failure(Actions.post(new Account("stranger", "9"), "hi"));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("@stranger");
    }
}
