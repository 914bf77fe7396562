package dev.bridle.internal.platform.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.Account;
import dev.bridle.bot.Post;
import dev.bridle.bot.PostPage;
import dev.bridle.bot.UserPage;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.platform.PlatformException;
import dev.bridle.sandbox.SandboxLimits;
import dev.bridle.sandbox.SandboxPost;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter's reads against the real sandbox: lookups, search, pages, deletions, rate limits and errors. */
class TwitterPlatformReadsTest {
    private SandboxFixture fx = new SandboxFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    private TwitterPlatform x() {
        return fx.platform(ApiVersion.V2);
    }

    private Account acme() {
        return fx.account("acme");
    }

    @Test
    void looksUpUsersByIdAndReadsPosts() throws PlatformException {
        TwitterPlatform x = x();
        assertThat(x.lookupUser(acme(), fx.sandbox.userId("ana")).orElseThrow().handle())
                .isEqualTo("ana");
        assertThat(x.lookupUser(acme(), "999999")).isEmpty();

        SandboxPost reply = fx.sandbox.injectReply(
                "ben", fx.sandbox.injectPost("ana", "first").id(), "see https://example.org/a");
        Post read = x.readPost(acme(), reply.id()).orElseThrow();
        assertThat(read.author().handle()).isEqualTo("ben");
        assertThat(read.text()).isEqualTo("@ana see https://example.org/a");
        assertThat(read.inReplyToPostId()).isEqualTo(reply.inReplyToPostId());
        assertThat(read.createdAt()).isEqualTo(fx.clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    @Test
    void aPostDeletedOnXIsEmptyOnRereadAndReportedDeleted() throws PlatformException {
        TwitterPlatform x = x();
        SandboxPost kept = fx.sandbox.injectPost("ana", "kept");
        SandboxPost gone = fx.sandbox.injectPost("ben", "gone");
        assertThat(x.readPost(acme(), gone.id())).isPresent();

        fx.sandbox.deleteOnX(gone.id());

        assertThat(x.readPost(acme(), gone.id())).isEmpty();
        assertThat(x.deletedPosts(acme(), List.of(kept.id(), gone.id()))).containsExactly(gone.id());
    }

    @Test
    void deletedPostsLooksUpAHundredAtATime() throws PlatformException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ids.add(fx.sandbox.injectPost("ana", "post " + i).id());
        }
        fx.sandbox.deleteOnX(ids.get(0));
        fx.sandbox.deleteOnX(ids.get(149));
        fx.wire.clear();

        assertThat(x().deletedPosts(acme(), ids)).isEqualTo(Set.of(ids.get(0), ids.get(149)));
        assertThat(fx.wire).extracting(SandboxFixture.Sent::endpoint).containsExactly("GET /2/tweets", "GET /2/tweets");
    }

    @Test
    void searchPagesThroughRecentPostsNewestFirst() throws PlatformException {
        for (int i = 0; i < 15; i++) {
            fx.sandbox.injectPost("ana", "tide " + i);
            fx.clock.advance(Duration.ofSeconds(1));
        }
        fx.sandbox.injectPost("ben", "unrelated");
        TwitterPlatform x = x();
        PostPage first = x.searchRecent(acme(), "tide from:ana", 10, null);
        assertThat(first.posts()).hasSize(10);
        assertThat(first.posts().get(0).text()).isEqualTo("tide 14");
        assertThat(first.hasNext()).isTrue();
        PostPage second = x.searchRecent(acme(), "tide from:ana", 10, first.nextToken());
        assertThat(second.posts()).hasSize(5);
        assertThat(second.hasNext()).isFalse();
        assertThat(second.posts().get(4).text()).isEqualTo("tide 0");
    }

    @Test
    void searchSeesOnlyTheLastSevenDays() throws PlatformException {
        fx.sandbox.injectPost("ana", "anchor old");
        fx.clock.advance(Duration.ofDays(7).plusMinutes(1));
        fx.sandbox.injectPost("ana", "anchor new");
        assertThat(x().searchRecent(acme(), "anchor", 10, null).posts())
                .extracting(Post::text)
                .containsExactly("anchor new");
    }

    @Test
    void anInvalidQueryIsRejectedWith400() {
        assertThatThrownBy(() -> x().searchRecent(acme(), "nosuch:operator", 10, null))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformException.Kind.REJECTED);
                    assertThat(e.httpStatus()).isEqualTo(400);
                });
    }

    @Test
    void readsTheAccountsOwnPostsMentionsAndFollowers() throws PlatformException {
        fx.sandbox.injectPost("acme", "our news");
        fx.sandbox.injectMention("ana", "acme", "hi");
        fx.sandbox.injectFollow("ana", "acme");
        fx.sandbox.injectFollow("ben", "acme");
        TwitterPlatform x = x();

        assertThat(x.ownPosts(acme(), 5, null).posts()).extracting(Post::text).containsExactly("our news");
        assertThat(x.mentions(acme(), 5, null).posts()).extracting(Post::text).containsExactly("@acme hi");
        UserPage first = x.followers(acme(), 1, null);
        assertThat(first.users()).extracting(u -> u.handle()).containsExactly("ben");
        UserPage second = x.followers(acme(), 1, first.nextToken());
        assertThat(second.users()).extracting(u -> u.handle()).containsExactly("ana");
        assertThat(second.hasNext()).isFalse();
    }

    @Test
    void aReadsRateLimitIsHeardAndItsResetKept() throws PlatformException {
        fx.close();
        fx = new SandboxFixture(SandboxLimits.defaults().withRateLimit("GET /2/tweets/search/recent", 1));
        TwitterPlatform x = x();
        x.searchRecent(acme(), "anything", 10, null);
        long requests = fx.requests().size();

        assertThatThrownBy(() -> x.searchRecent(acme(), "anything", 10, null))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformException.Kind.RATE_LIMITED);
                    assertThat(e.retryAt()).isEqualTo(SandboxFixture.T0.plus(Duration.ofMinutes(15)));
                });
        // The limits heard the headers of the first answer: the second request was never sent.
        assertThat(fx.requests()).hasSize((int) requests);

        fx.clock.advance(Duration.ofMinutes(15));
        assertThat(x.searchRecent(acme(), "anything", 10, null).posts()).isEmpty();
    }
}
