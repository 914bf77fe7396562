package dev.bridle.sandbox.internal.v2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.api.ApiException;
import java.time.Instant;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The sandbox's query language, on posts in memory: what X's operators, grouping and negation select. */
class SearchQueryTest {

    private static final Instant AT = Instant.parse("2026-12-03T09:00:00Z");

    private static SearchQuery.Candidate post(String author, String text, String lang, boolean reply, boolean repost) {
        return new SearchQuery.Candidate(
                new SandboxPost(
                        "1",
                        "10",
                        author,
                        text,
                        AT,
                        reply ? "2" : null,
                        reply ? "11" : null,
                        repost ? "3" : null,
                        false,
                        lang),
                author,
                reply ? "acme" : null);
    }

    private static final List<SearchQuery.Candidate> POSTS = List.of(
            post("ana", "Acme release notes are out https://acme.example/notes #release", "en", false, false),
            post("ben", "@acme the release broke my build", "en", true, false),
            post("chloe", "Acme release notes are out https://acme.example/notes #release", "en", false, true),
            post("dan", "neue Version von Acme ist da", "de", false, false),
            post("eve", "lunch was great", "en", false, false));

    private static List<String> authors(String query) {
        SearchQuery q = SearchQuery.parse(query);
        return POSTS.stream()
                .filter(q::matches)
                .map(SearchQuery.Candidate::authorHandle)
                .toList();
    }

    @Test
    void theUsualBotQueriesWork() {
        assertThat(authors("acme -is:retweet")).containsExactly("ana", "dan");
        assertThat(authors("(release OR version) acme -is:retweet -is:reply")).containsExactly("ana", "dan");
        assertThat(authors("acme has:links")).containsExactly("ana", "chloe");
        assertThat(authors("#release -is:retweet")).containsExactly("ana");
        assertThat(authors("has:mentions")).containsExactly("ben");
        assertThat(authors("acme (lang:de OR from:ana)")).containsExactly("ana", "dan");
        assertThat(authors("release")).as("a word is not a mention").containsExactly("ana", "ben", "chloe");
        assertThat(authors("acme -(lang:de OR from:ben)")).containsExactly("ana", "chloe");
        assertThat(authors("\"release notes\" -has:media")).containsExactly("ana", "chloe");
    }

    @Test
    void invalidQueriesAreRefusedAsXRefusesThem() {
        for (String bad : List.of(
                "(acme",
                "acme)",
                "()",
                "-is:retweet",
                "-(acme OR release)",
                "acme OR -lunch",
                "is:quoted",
                "has:gifs",
                "acme OR",
                "\"unclosed",
                "nosuch:op")) {
            assertThatThrownBy(() -> SearchQuery.parse(bad)).as(bad).isInstanceOf(ApiException.class);
            assertThat(SearchQuery.ruleProblem(bad)).as(bad).isNotNull();
        }
        assertThat(SearchQuery.ruleProblem("(a OR b) -is:retweet")).isNull();
    }

    @Property
    void aGroupAroundAQuerySelectsWhatTheQueryDoes(@ForAll("queries") String query) {
        assertThat(authors("(" + query + ")")).isEqualTo(authors(query));
        assertThat(authors("(" + query + ") OR zzz")).isEqualTo(authors(query));
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> term = Arbitraries.of(
                "acme",
                "release",
                "-is:retweet",
                "is:reply",
                "has:links",
                "lang:de",
                "from:eve",
                "\"notes are\"",
                "#release",
                "-from:ana");
        return term.list()
                .ofMinSize(1)
                .ofMaxSize(4)
                .map(ts -> String.join(" ", ts))
                .filter(q -> {
                    try {
                        SearchQuery.parse(q);
                        return true;
                    } catch (ApiException e) {
                        return false;
                    }
                });
    }
}
