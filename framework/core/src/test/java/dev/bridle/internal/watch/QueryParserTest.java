package dev.bridle.internal.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class QueryParserTest {

    @Test
    void parsesXsOperatorsWithAndBindingTighterThanOr() {
        QueryNode q = QueryParser.parse("from:alice \"big news\" -is:retweet OR (@bob lang:en) #tag");

        assertThat(q)
                .isEqualTo(new QueryNode.Or(List.of(
                        new QueryNode.And(List.of(
                                new QueryNode.Operator("from", "alice"),
                                new QueryNode.Phrase("big news"),
                                new QueryNode.Not(new QueryNode.Operator("is", "retweet")))),
                        new QueryNode.And(List.of(
                                new QueryNode.And(List.of(
                                        new QueryNode.Operator("mention", "bob"),
                                        new QueryNode.Operator("lang", "en"))),
                                new QueryNode.Word("#tag"))))));
    }

    @Test
    void quotedOperatorValuesUrlsAndTimesAreNotOperators() {
        assertThat(QueryParser.parse("url:\"example.com/a b\""))
                .isEqualTo(new QueryNode.Operator("url", "example.com/a b"));
        assertThat(QueryParser.parse("https://example.com")).isEqualTo(new QueryNode.Word("https://example.com"));
        assertThat(QueryParser.parse("12:30")).isEqualTo(new QueryNode.Word("12:30"));
        assertThat(QueryParser.parse("or")).isEqualTo(new QueryNode.Word("or"));
    }

    @Test
    void invalidQueriesSayWhere() {
        assertThatThrownBy(() -> QueryParser.parse("(cats")).hasMessage("column 1: '(' without a matching ')'");
        assertThatThrownBy(() -> QueryParser.parse("cats)")).hasMessageContaining("column 5");
        assertThatThrownBy(() -> QueryParser.parse("say \"hi")).hasMessageContaining("column 5");
        assertThatThrownBy(() -> QueryParser.parse("cats OR")).hasMessageContaining("OR needs a term");
        assertThatThrownBy(() -> QueryParser.parse("foo:bar")).hasMessageContaining("unknown operator foo");
        assertThatThrownBy(() -> QueryParser.parse("\"\"")).hasMessageContaining("empty phrase");
    }

    @Provide
    Arbitrary<String> queries() {
        Arbitrary<String> atom = Arbitraries.of(
                "cats",
                "\"big news\"",
                "from:alice",
                "@bob",
                "lang:en",
                "is:retweet",
                "#tag",
                "protest",
                "-cats",
                "-from:x",
                "(dogs OR cats)",
                "has:media");
        return atom.list()
                .ofMinSize(1)
                .ofMaxSize(6)
                .map(parts -> String.join(" ", parts))
                .flatMap(left -> atom.list()
                        .ofMaxSize(3)
                        .map(right -> right.isEmpty() ? left : left + " OR " + String.join(" ", right)));
    }

    @Property
    void everyGeneratedQueryParsesAndNegatingAllOfItNeverAddsATrackedWord(@ForAll("queries") String query) {
        QueryParser.parse(query);
        WatchVerdict negated = WatchClassifierTest.SHIPPED.classify("cats -(" + query + ")");

        assertThat(negated.categoryCode()).isEqualTo("none");
    }

    @Property
    void addingAFilterNeverTurnsARefusalIntoAnAllowance(@ForAll("queries") String query) {
        WatchVerdict plain = WatchClassifierTest.SHIPPED.classify(query);
        WatchVerdict filtered = WatchClassifierTest.SHIPPED.classify("(" + query + ") lang:de");

        if (plain.refused()) {
            assertThat(filtered.refused()).isTrue();
        }
    }
}
