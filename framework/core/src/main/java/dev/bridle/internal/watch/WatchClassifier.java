package dev.bridle.internal.watch;

import dev.bridle.internal.optout.KeywordNormaliser;
import dev.bridle.internal.optout.NormalisedMessage;
import dev.bridle.internal.sensitive.FactClassifier;
import dev.bridle.internal.sensitive.FactVerdict;
import dev.bridle.internal.sensitive.PhraseIndex;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Judges a search query or stream rule before a bot may use it. The first that applies:
 *
 * <ol>
 *   <li><b>measurement</b>, by shape: some branch of the query (an alternative of its {@code OR}s) has no word, phrase,
 *       hashtag, content operator or account, only filters ({@code lang:}, {@code is:}, {@code has:}) and negations.
 *       Such a branch matches every post those filters let through: counting the platform wholesale.
 *   <li><b>measurement</b>, by terms: a measurement term ("count all tweets", "spam rate") in the query's positive
 *       words.
 *   <li><b>profiling</b>, by shape: some branch names accounts ({@code from:}, {@code to:}, {@code @},
 *       {@code retweets_of:}) and nothing else: it follows those people. An account the operator's file allows (the
 *       bot's own, with a reason) is content, not a person followed.
 *   <li><b>profiling</b>, by combination: a query that names accounts and also sensitive-event or sensitive-group
 *       terms, or terms of a restricted fact category ({@code from:alice diabetes}), builds a picture of those people.
 *   <li><b>sensitive_group</b> or <b>sensitive_event</b>: the query's positive words hold such terms (the one with more
 *       hits; events on a tie).
 * </ol>
 *
 * Words under a negation ({@code -protest}) are not tracked, so they do not count; the words of the file's exceptions
 * ({@code union berlin}, each granted with a reason) are not read as terms. Words are matched after the same folding as
 * opt-out keywords. Thread-safe.
 */
public final class WatchClassifier {

    private static final int CONTENT = 1;
    private static final int ACCOUNT = 2;

    private final WatchTerms terms;
    private final FactClassifier facts;

    /** Judges with {@code terms}; {@code facts} recognises sensitive fact terms combined with accounts. */
    public WatchClassifier(WatchTerms terms, FactClassifier facts) {
        this.terms = Objects.requireNonNull(terms, "terms");
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /** The terms in use. */
    public WatchTerms terms() {
        return terms;
    }

    /**
     * The verdict for {@code query}.
     *
     * @throws WatchQueryException if it is not a valid X query
     */
    public WatchVerdict classify(String query) {
        QueryNode tree = QueryParser.parse(Objects.requireNonNull(query, "query"));
        Collected collected = new Collected();
        collect(tree, false, collected);
        Set<Integer> branches = branches(tree);
        if (branches.contains(0)) {
            List<String> shown = new ArrayList<>();
            shown.add("(every post)");
            shown.addAll(collected.filters);
            return refuse(WatchCategory.MEASUREMENT, shown);
        }
        NormalisedMessage words = KeywordNormaliser.normalise(String.join(" \n ", collected.texts));
        List<PhraseIndex.Hit<WatchTerms.Term>> hits =
                terms.terms().find(words, terms.exceptions().cover(words));
        Map<WatchCategory, List<String>> found = new EnumMap<>(WatchCategory.class);
        for (PhraseIndex.Hit<WatchTerms.Term> hit : hits) {
            List<String> list = found.computeIfAbsent(hit.entry().value().category(), c -> new ArrayList<>());
            if (!list.contains(hit.entry().display())) {
                list.add(hit.entry().display());
            }
        }
        if (found.containsKey(WatchCategory.MEASUREMENT)) {
            return refuse(WatchCategory.MEASUREMENT, found.get(WatchCategory.MEASUREMENT));
        }
        if (branches.contains(ACCOUNT)) {
            return refuse(WatchCategory.PROFILING, collected.accounts);
        }
        List<String> event = found.getOrDefault(WatchCategory.SENSITIVE_EVENT, List.of());
        List<String> group = found.getOrDefault(WatchCategory.SENSITIVE_GROUP, List.of());
        if (!collected.accounts.isEmpty()) {
            List<String> why = new ArrayList<>(collected.accounts);
            why.addAll(event);
            why.addAll(group);
            FactVerdict sensitive = facts.classifyText(String.join(" \n ", collected.texts));
            why.addAll(sensitive.terms());
            if (why.size() > collected.accounts.size()) {
                return refuse(WatchCategory.PROFILING, why);
            }
        }
        if (!group.isEmpty() && group.size() > event.size()) {
            return refuse(WatchCategory.SENSITIVE_GROUP, group);
        }
        if (!event.isEmpty()) {
            return refuse(WatchCategory.SENSITIVE_EVENT, event);
        }
        if (!group.isEmpty()) {
            return refuse(WatchCategory.SENSITIVE_GROUP, group);
        }
        return WatchVerdict.ALLOWED;
    }

    private static WatchVerdict refuse(WatchCategory category, List<String> terms) {
        return new WatchVerdict(Optional.of(category), terms);
    }

    /** The positive words and phrases, the accounts named (not negated), and the filters, in query order. */
    private static final class Collected {
        final List<String> texts = new ArrayList<>();
        final List<String> accounts = new ArrayList<>();
        final List<String> filters = new ArrayList<>();
    }

    private void collect(QueryNode node, boolean negated, Collected into) {
        if (node instanceof QueryNode.Word w) {
            if (!negated) {
                into.texts.add(w.text());
            }
        } else if (node instanceof QueryNode.Phrase p) {
            if (!negated) {
                into.texts.add(p.text());
            }
        } else if (node instanceof QueryNode.Operator o) {
            if (!negated) {
                collectOperator(o, into);
            }
        } else if (node instanceof QueryNode.Not n) {
            collect(n.node(), !negated, into);
        } else if (node instanceof QueryNode.And a) {
            a.nodes().forEach(c -> collect(c, negated, into));
        } else if (node instanceof QueryNode.Or o) {
            o.nodes().forEach(c -> collect(c, negated, into));
        }
    }

    private void collectOperator(QueryNode.Operator o, Collected into) {
        String shown = o.name().equals("mention") ? "@" + o.value() : o.name() + ":" + o.value();
        if (isAccount(o)) {
            if (!into.accounts.contains(shown)) {
                into.accounts.add(shown);
            }
        } else if (QueryParser.CONTENT_OPERATORS.contains(o.name())) {
            into.texts.add(o.value());
        } else if (QueryParser.FILTER_OPERATORS.contains(o.name())) {
            into.filters.add(shown);
        }
    }

    private boolean isAccount(QueryNode.Operator o) {
        return QueryParser.USER_OPERATORS.contains(o.name()) && terms.handleReason(o.value()) == null;
    }

    /**
     * What each branch of the query holds, as a set of masks ({@link #CONTENT}, {@link #ACCOUNT}): a branch is one way
     * for a post to match, a choice of one alternative at every {@code OR}. At most four masks, however large the
     * query, so this never expands the query.
     */
    private Set<Integer> branches(QueryNode node) {
        if (node instanceof QueryNode.Word || node instanceof QueryNode.Phrase) {
            return Set.of(CONTENT);
        }
        if (node instanceof QueryNode.Operator o) {
            return Set.of(isAccount(o) ? ACCOUNT : QueryParser.FILTER_OPERATORS.contains(o.name()) ? 0 : CONTENT);
        }
        if (node instanceof QueryNode.Or o) {
            Set<Integer> union = new HashSet<>();
            o.nodes().forEach(c -> union.addAll(branches(c)));
            return union;
        }
        if (node instanceof QueryNode.And a) {
            Set<Integer> product = new HashSet<>(Set.of(0));
            for (QueryNode c : a.nodes()) {
                Set<Integer> next = new HashSet<>();
                Set<Integer> right = branches(c);
                for (int l : product) {
                    for (int r : right) {
                        next.add(l | r);
                    }
                }
                product = next;
            }
            return product;
        }
        return Set.of(0); // a negation matches by excluding, and adds nothing a post must contain
    }
}
