package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import twitter4j.DirectMessage;
import twitter4j.Paging;
import twitter4j.ResponseList;
import twitter4j.Status;
import twitter4j.StatusUpdate;
import twitter4j.Twitter;
import twitter4j.TwitterException;
import twitter4j.TwitterFactory;
import twitter4j.User;

/** Real twitter4j 4.0.7 v1.1 calls, signed by twitter4j itself, against the sandbox. */
class Twitter4jV1Test {
    private MutableClock clock;
    private Sandbox sandbox;
    private Twitter twitter;

    @BeforeEach
    void start() {
        clock = TestClocks.nearRealTime();
        sandbox = Sandbox.builder()
                .clock(clock)
                .account("acme")
                .account("beta")
                .simulatedUser("ana")
                .build()
                .start();
        twitter = Twitter4jClients.twitter(sandbox, "acme");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void updateStatusIsAcceptedAndParsed() throws TwitterException {
        Status status = twitter.updateStatus("Hello, sandbox! Spaces, *stars*, ~tildes~ & ümlauts + plus");

        assertThat(status.getText()).isEqualTo("Hello, sandbox! Spaces, *stars*, ~tildes~ & ümlauts + plus");
        assertThat(status.getUser().getScreenName()).isEqualTo("acme");
        assertThat(status.getCreatedAt()).isNotNull();
        assertThat(sandbox.sent("acme").posts())
                .extracting(SandboxPost::id)
                .containsExactly(Long.toString(status.getId()));
        assertThat(status.getRateLimitStatus().getLimit()).isEqualTo(300);
        assertThat(status.getRateLimitStatus().getRemaining()).isEqualTo(299);
    }

    @Test
    void replyCarriesInReplyTo() throws TwitterException {
        SandboxPost mention = sandbox.injectMention("ana", "acme", "question?");

        Status reply =
                twitter.updateStatus(new StatusUpdate("@ana answer").inReplyToStatusId(Long.parseLong(mention.id())));

        assertThat(reply.getInReplyToStatusId()).isEqualTo(Long.parseLong(mention.id()));
        assertThat(reply.getInReplyToScreenName()).isEqualTo("ana");
        assertThat(sandbox.sent("acme").replies()).hasSize(1);
    }

    @Test
    void createFriendshipSignsTheQueryAndTheImplicitFormParameters() throws TwitterException {
        long anaId = Long.parseLong(sandbox.userId("ana"));

        User followed = twitter.createFriendship(anaId);

        assertThat(followed.getScreenName()).isEqualTo("ana");
        assertThat(sandbox.following("acme")).containsExactly(sandbox.userId("ana"));
        assertThat(twitter.destroyFriendship(anaId).getScreenName()).isEqualTo("ana");
        assertThat(sandbox.following("acme")).isEmpty();
    }

    @Test
    void sendDirectMessagePostsAnUnsignedJsonBody() throws TwitterException {
        long anaId = Long.parseLong(sandbox.userId("ana"));

        DirectMessage dm = twitter.sendDirectMessage(anaId, "Hi Ana, thanks for opting in");

        assertThat(dm.getRecipientId()).isEqualTo(anaId);
        assertThat(dm.getSenderId()).isEqualTo(Long.parseLong(sandbox.userId("acme")));
        assertThat(dm.getText()).isEqualTo("Hi Ana, thanks for opting in");
        assertThat(sandbox.sent("acme").dms())
                .singleElement()
                .satisfies(d -> assertThat(d.conversationId()).isEqualTo(sandbox.userId("acme") + "-" + anaId));
    }

    @Test
    void mentionsTimelineNewestFirstWithSinceId() throws TwitterException {
        SandboxPost first = sandbox.injectMention("ana", "acme", "first");
        SandboxPost second = sandbox.injectMention("ana", "acme", "second");

        ResponseList<Status> all = twitter.getMentionsTimeline();
        ResponseList<Status> newer = twitter.getMentionsTimeline(new Paging(Long.parseLong(first.id())));

        assertThat(all).extracting(Status::getText).containsExactly("@acme second", "@acme first");
        assertThat(all.get(0).getUser().getScreenName()).isEqualTo("ana");
        assertThat(newer).extracting(Status::getId).containsExactly(Long.parseLong(second.id()));
        assertThat(all.getRateLimitStatus().getLimit()).isEqualTo(75);
    }

    @Test
    void userTimelineLookupAndVerifyCredentials() throws TwitterException {
        twitter.updateStatus("one");
        twitter.updateStatus("two");

        assertThat(twitter.getUserTimeline()).extracting(Status::getText).containsExactly("two", "one");
        assertThat(twitter.lookupUsers("ana", "beta"))
                .extracting(User::getScreenName)
                .containsExactly("ana", "beta");
        assertThat(twitter.verifyCredentials().getScreenName()).isEqualTo("acme");
    }

    @Test
    void wrongConsumerSecretIsRefusedWith401Code32() {
        Twitter wrong =
                new TwitterFactory(Twitter4jClients.configuration(sandbox, "acme", "not-the-secret")).getInstance();

        TwitterException e = catchThrowableOfType(TwitterException.class, () -> wrong.updateStatus("hello"));

        assertThat(e.getStatusCode()).isEqualTo(401);
        assertThat(e.getErrorCode()).isEqualTo(32);
        assertThat(sandbox.posts()).isEmpty();
    }

    @Test
    void duplicateIsRefusedWith403Code187AndRateLimitHeaders() throws TwitterException {
        twitter.updateStatus("same text");

        TwitterException e = catchThrowableOfType(TwitterException.class, () -> twitter.updateStatus("same text"));

        assertThat(e.getStatusCode()).isEqualTo(403);
        assertThat(e.getErrorCode()).isEqualTo(187);
        assertThat(e.getErrorMessage()).isEqualTo("Status is a duplicate.");
        assertThat(e.getRateLimitStatus()).isNotNull();
        assertThat(e.getRateLimitStatus().getRemaining()).isEqualTo(298);
    }
}
