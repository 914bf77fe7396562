package dev.bridle.internal.optout;

import dev.bridle.internal.optout.TokenTrie.Hit;
import java.util.Objects;

/**
 * Classifies inbound messages as opt-out, opt-in, help, ambiguous or none, naming the rule that fired. Thread-safe and
 * allocation-light: one call normalises the message once ({@link KeywordNormaliser}) and walks tries of comparison
 * keys, a few microseconds for a tweet.
 *
 * <p>The tiers, in order; the first that applies decides.
 *
 * <ol>
 *   <li><b>Empty.</b> Nothing left after normalisation (only mentions, links, emoji, punctuation): {@code NONE}, rule
 *       {@code none:empty}.
 *   <li><b>Keywords alone.</b> The whole message is keywords and fillers ("STOP", "Stop. Thank you", "STOP please 🛑",
 *       "baja por favor", "stop stop stop"):
 *       <ul>
 *         <li>an opt-out keyword and an opt-in keyword together ("stop start"): {@code AMBIGUOUS},
 *             {@code conflict:stop+start}, never an opt-in;
 *         <li>an opt-out keyword (help words besides do not matter): {@code OPT_OUT}, {@code en.opt_out.keyword:stop};
 *         <li>a help keyword: {@code HELP}, {@code en.help.keyword:help};
 *         <li>an opt-in keyword: {@code OPT_IN}, {@code en.opt_in.keyword:start}. This is the only way to an opt-in: it
 *             needs an explicit message with nothing else in it.
 *       </ul>
 *   <li><b>Phrases</b> (when {@code settings.phrases}). A configured phrase anywhere in a message of at most
 *       {@code phrase_max_words} words, not straight after a negation in the same clause ("please stop texting me",
 *       "dame de baja"): {@code OPT_OUT}, {@code en.opt_out.phrase:stop texting me}.
 *   <li><b>Keywords in a sentence.</b> Each opt-out keyword in the message (not the {@code opt_out_alone} ones) is
 *       neutral when an {@code ordinary} phrase covers it ("stop by our booth") or a negation ends right before it in
 *       the same clause ("don't stop", "I can't stop laughing"). Of the rest:
 *       <ul>
 *         <li>in a message of at most {@code partial_max_words} words (fillers not counted) that starts with the
 *             keyword ("STOP 12345", "stop it"): {@code AMBIGUOUS}, {@code partial:stop...};
 *         <li>in such a message that ends with it ("I said stop"): {@code AMBIGUOUS}, {@code partial:...stop};
 *         <li>anywhere else ("we need to stop this bill"): {@code NONE}, {@code in_sentence:stop}.
 *       </ul>
 *       When every keyword was neutral: {@code NONE}, with the rule that made the first one so, {@code en.ordinary:stop
 *       by} or {@code en.negation:dont}.
 *   <li><b>Ordinary phrases.</b> An {@code ordinary} phrase anywhere ("quite", "nonstop") keeps the next tier from
 *       guessing: {@code NONE}, {@code en.ordinary:quite}.
 *   <li><b>Near misses</b> (when {@code settings.fuzzy}). Without fillers, the message has as many words as an opt-out
 *       keyword, none of them a keyword, and all are the same but one, which is a {@link NearMiss near miss} ("stpo",
 *       "Please stopppp", "unsubscirbe", "opt outt"); or it is one word that starts or ends with an opt-out keyword of
 *       four letters or more ("stopplease", "STOP2QUIT"): {@code AMBIGUOUS}, {@code fuzzy:stpo~stop}.
 *   <li>Otherwise {@code NONE}, {@code none}.
 * </ol>
 *
 * Keywords are compared by confusable skeleton without diacritics, so {@code ＳＴＯＰ}, {@code S\u200BTOP}, Cyrillic
 * {@code ЅТОР} and {@code arret} for {@code arrêt} all match.
 *
 * <p>The language of a result is the language of the entry that fired; when several languages list it ({@code stop}), a
 * filler in the message decides ("stop por favor" is Spanish), and then the default language, and then file order.
 */
public final class KeywordMatcher {

    private static final String UND = Classification.UNDETERMINED;
    /** Allowed extra characters for "starts or ends with a keyword" ({@code stopplease}). */
    private static final int MAX_AFFIX = 8;

    private final KeywordSet set;
    private final int defaultLanguage;

    private KeywordMatcher(KeywordSet set) {
        this.set = set;
        this.defaultLanguage = set.languages().indexOf(set.settings().defaultLanguage());
    }

    /** A matcher for {@code keywords}. */
    public static KeywordMatcher of(KeywordSet keywords) {
        return new KeywordMatcher(Objects.requireNonNull(keywords, "keywords"));
    }

    /** The keywords this matcher uses. */
    public KeywordSet keywords() {
        return set;
    }

    /** What {@code message} asks for, and which rule says so. */
    public Classification classify(CharSequence message) {
        NormalisedMessage m = KeywordNormaliser.normalise(Objects.requireNonNull(message, "message"));
        if (m.size == 0) {
            return new Classification(MessageClass.NONE, "none:empty", UND, "");
        }
        Reading reading = read(m);
        Classification result = keywordsAlone(m, reading);
        if (result == null
                && set.settings().phrases()
                && m.size <= set.settings().phraseMaxWords()) {
            result = phrase(m, reading);
        }
        if (result == null) {
            result = keywordsInSentence(m, reading);
        }
        if (result == null) {
            result = ordinary(m, reading);
        }
        if (result == null && set.settings().fuzzy()) {
            result = nearMiss(m, reading);
        }
        return result != null ? result : new Classification(MessageClass.NONE, "none", UND, m.text());
    }

    /** The whole message read as keywords and fillers, longest entry first. */
    private static final class Reading {
        final Term[] cover;
        boolean whole = true;
        long fillerLanguages;
        Term optOut;
        Term optIn;
        Term help;
        int firstContent = -1;
        int lastContent = -1;
        int contentWords;

        Reading(int size) {
            cover = new Term[size];
        }

        boolean isFiller(int word) {
            return cover[word] != null && cover[word].kind == Term.Kind.FILLER;
        }
    }

    private Reading read(NormalisedMessage m) {
        Reading r = new Reading(m.size);
        int i = 0;
        while (i < m.size) {
            Hit<Term> hit = set.words.longestAt(m.keys, i, m.size);
            if (hit == null) {
                r.whole = false;
                i++;
                continue;
            }
            Term term = hit.value();
            for (int j = hit.start(); j < hit.end(); j++) {
                r.cover[j] = term;
            }
            switch (term.kind) {
                case FILLER -> r.fillerLanguages |= term.languageMask();
                case OPT_OUT -> r.optOut = r.optOut == null ? term : r.optOut;
                case OPT_IN -> r.optIn = r.optIn == null ? term : r.optIn;
                case HELP -> r.help = r.help == null ? term : r.help;
                default -> throw new IllegalStateException("not a word entry: " + term);
            }
            i = hit.end();
        }
        for (int j = 0; j < m.size; j++) {
            if (!r.isFiller(j)) {
                r.firstContent = r.firstContent < 0 ? j : r.firstContent;
                r.lastContent = j;
                r.contentWords++;
            }
        }
        return r;
    }

    private Classification keywordsAlone(NormalisedMessage m, Reading r) {
        if (!r.whole || (r.optOut == null && r.optIn == null && r.help == null)) {
            return null;
        }
        if (r.optOut != null && r.optIn != null) {
            return result(
                    MessageClass.AMBIGUOUS, "conflict:" + r.optOut.display + "+" + r.optIn.display, r.optOut, r, m);
        }
        if (r.optOut != null) {
            return result(MessageClass.OPT_OUT, r.optOut, r, m);
        }
        if (r.help != null) {
            return result(MessageClass.HELP, r.help, r, m);
        }
        return result(MessageClass.OPT_IN, r.optIn, r, m);
    }

    private Classification phrase(NormalisedMessage m, Reading r) {
        for (int i = 0; i < m.size; i++) {
            Hit<Term> hit = set.phrases.longestAt(m.keys, i, m.size);
            if (hit != null && negationBefore(m, i) == null) {
                return result(MessageClass.OPT_OUT, hit.value(), r, m);
            }
        }
        return null;
    }

    private Classification keywordsInSentence(NormalisedMessage m, Reading r) {
        Term neutral = null;
        Term live = null;
        Term atStart = null;
        Term atEnd = null;
        int i = 0;
        while (i < m.size) {
            Hit<Term> hit = set.optOutInside.longestAt(m.keys, i, m.size);
            if (hit == null) {
                i++;
                continue;
            }
            Term by = ordinaryOver(m, hit.start(), hit.end());
            if (by == null) {
                by = negationBefore(m, hit.start());
            }
            if (by != null) {
                neutral = neutral == null ? by : neutral;
            } else {
                live = live == null ? hit.value() : live;
                atStart = atStart == null && hit.start() == r.firstContent ? hit.value() : atStart;
                atEnd = hit.end() - 1 == r.lastContent ? hit.value() : atEnd;
            }
            i = hit.end();
        }
        if (live != null) {
            if (r.contentWords <= set.settings().partialMaxWords()) {
                if (atStart != null) {
                    return result(MessageClass.AMBIGUOUS, "partial:" + atStart.display + "...", atStart, r, m);
                }
                if (atEnd != null) {
                    return result(MessageClass.AMBIGUOUS, "partial:..." + atEnd.display, atEnd, r, m);
                }
            }
            return result(MessageClass.NONE, "in_sentence:" + live.display, live, r, m);
        }
        return neutral == null ? null : result(MessageClass.NONE, neutral, r, m);
    }

    private Classification ordinary(NormalisedMessage m, Reading r) {
        for (int i = 0; i < m.size; i++) {
            Hit<Term> hit = set.ordinary.longestAt(m.keys, i, m.size);
            if (hit != null) {
                return result(MessageClass.NONE, hit.value(), r, m);
            }
        }
        return null;
    }

    private Classification nearMiss(NormalisedMessage m, Reading r) {
        if (r.contentWords == 0 || r.contentWords > set.longestOptOut) {
            return null;
        }
        String[] typed = new String[r.contentWords];
        int k = 0;
        for (int j = 0; j < m.size; j++) {
            if (r.cover[j] != null && !r.isFiller(j)) {
                return null;
            }
            if (r.cover[j] == null) {
                typed[k++] = m.keys[j];
            }
        }
        for (Term term : set.optOutTerms) {
            if (term.keys.length == typed.length && oneNearMiss(typed, term.keys)) {
                return fuzzy(m, r, term);
            }
        }
        if (typed.length == 1) {
            for (Term term : set.optOutTerms) {
                if (term.keys.length == 1 && NearMiss.prefixOrSuffix(typed[0], term.keys[0], MAX_AFFIX)) {
                    return fuzzy(m, r, term);
                }
            }
        }
        return null;
    }

    private static boolean oneNearMiss(String[] typed, String[] keyword) {
        int misses = 0;
        for (int i = 0; i < typed.length; i++) {
            if (!typed[i].equals(keyword[i])) {
                if (++misses > 1 || !NearMiss.near(typed[i], keyword[i])) {
                    return false;
                }
            }
        }
        return misses == 1;
    }

    private Classification fuzzy(NormalisedMessage m, Reading r, Term term) {
        StringBuilder typed = new StringBuilder();
        for (int j = 0; j < m.size; j++) {
            if (r.cover[j] == null) {
                typed.append(typed.length() == 0 ? "" : " ").append(m.shown[j]);
            }
        }
        return result(MessageClass.AMBIGUOUS, "fuzzy:" + typed + "~" + term.display, term, r, m);
    }

    /** The ordinary phrase overlapping words {@code start} to {@code end}, or null. */
    private Term ordinaryOver(NormalisedMessage m, int start, int end) {
        int from = Math.max(0, start - set.ordinary.longestEntry() + 1);
        for (int s = from; s < end; s++) {
            Hit<Term> hit = set.ordinary.longestAt(m.keys, s, m.size);
            if (hit != null && hit.end() > start) {
                return hit.value();
            }
        }
        return null;
    }

    /** The negation ending right before word {@code at}, in the same clause, or null. */
    private Term negationBefore(NormalisedMessage m, int at) {
        if (at == 0 || m.clauseStart[at]) {
            return null;
        }
        TokenTrie.Node<Term> node = set.negationsReversed.root();
        for (int j = at - 1; j >= 0; j--) {
            node = node.child(m.keys[j]);
            if (node == null) {
                return null;
            }
            if (node.value() != null) {
                return node.value();
            }
            if (m.clauseStart[j]) {
                return null;
            }
        }
        return null;
    }

    private Classification result(MessageClass messageClass, Term term, Reading r, NormalisedMessage m) {
        String language = language(term, r);
        return new Classification(messageClass, term.rule(language), language, m.text());
    }

    private Classification result(MessageClass messageClass, String rule, Term term, Reading r, NormalisedMessage m) {
        return new Classification(messageClass, rule, language(term, r), m.text());
    }

    /** The term's language that a filler in the message speaks, else the default language, else the first. */
    private String language(Term term, Reading r) {
        long both = term.languageMask() & r.fillerLanguages;
        if (both != 0) {
            return set.languages().get(Long.numberOfTrailingZeros(both));
        }
        if (defaultLanguage >= 0 && (term.languageMask() & (1L << defaultLanguage)) != 0) {
            return set.languages().get(defaultLanguage);
        }
        return term.languages().get(0);
    }
}
