package dev.bridle.internal.runtime;

import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.SensitiveTermsReader;
import dev.bridle.internal.config.TermFileException;
import dev.bridle.internal.config.TermFileReloader;
import dev.bridle.internal.config.WatchTermsReader;
import dev.bridle.internal.sensitive.FactClassifier;
import dev.bridle.internal.sensitive.SensitiveLexicon;
import dev.bridle.internal.watch.WatchClassifier;
import dev.bridle.internal.watch.WatchTerms;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fact and watch-rule recognisers a running Bridle uses: the term files {@code recognisers:} names, else
 * {@code sensitive-terms.yaml} and {@code watch-terms.yaml} beside the configuration file when they exist (as
 * {@code bridle facts test} and {@code bridle watch test} read them), else the shipped terms. A file is reread when it
 * changes; an edit that cannot be used is logged once and the previous terms stay in use.
 */
final class Recognisers {

    private static final Logger log = LoggerFactory.getLogger(Recognisers.class);

    private final Supplier<SensitiveLexicon> lexicon;
    private final Supplier<WatchTerms> watchTerms;
    private volatile Built built;

    private record Built(SensitiveLexicon lexicon, WatchTerms terms, FactClassifier facts, WatchClassifier watch) {}

    private Recognisers(Supplier<SensitiveLexicon> lexicon, Supplier<WatchTerms> watchTerms) {
        this.lexicon = lexicon;
        this.watchTerms = watchTerms;
    }

    /** The recognisers for {@code config}, reading its term files, if any, by {@code clock}. */
    static Recognisers of(BridleConfig config, Clock clock) {
        Path sensitive = config.sensitiveTermsFile();
        Supplier<SensitiveLexicon> lexicon;
        if (sensitive != null) {
            lexicon = reloading(TermFileReloader.sensitive(sensitive, clock));
        } else {
            SensitiveLexicon shipped = SensitiveTermsReader.defaults();
            lexicon = () -> shipped;
        }
        Supplier<WatchTerms> watch;
        Path watchFile = config.watchTermsFile();
        if (watchFile != null) {
            watch = reloading(TermFileReloader.watch(watchFile, clock));
        } else {
            WatchTerms shipped = WatchTermsReader.defaults();
            watch = () -> shipped;
        }
        return new Recognisers(lexicon, watch);
    }

    /** The fact classifier on the terms in use now. */
    FactClassifier facts() {
        return current().facts();
    }

    /** The watch-rule classifier on the terms in use now. */
    WatchClassifier watch() {
        return current().watch();
    }

    private Built current() {
        SensitiveLexicon l = lexicon.get();
        WatchTerms w = watchTerms.get();
        Built b = built;
        if (b == null || b.lexicon() != l || b.terms() != w) {
            FactClassifier facts = new FactClassifier(l);
            b = new Built(l, w, facts, new WatchClassifier(w, facts));
            built = b;
        }
        return b;
    }

    private static <T> Supplier<T> reloading(TermFileReloader<T> reloader) {
        return new Supplier<>() {
            private TermFileException reported;

            @Override
            public T get() {
                T terms = reloader.current();
                TermFileException error = reloader.lastError();
                if (error != null && error != reported) {
                    reported = error;
                    log.warn("{}; the previous terms stay in use until the file is fixed", error.getMessage());
                }
                return terms;
            }
        };
    }
}
