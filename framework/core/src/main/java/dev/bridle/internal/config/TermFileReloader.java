package dev.bridle.internal.config;

import dev.bridle.internal.sensitive.SensitiveLexicon;
import dev.bridle.internal.watch.WatchTerms;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;

/**
 * A term file read again when it changes, as the opt-out keyword file is ({@link KeywordFile}): {@link #current()}
 * rereads the file at most every {@link #DEFAULT_CHECK_INTERVAL} (by the injected clock), and an edit that cannot be
 * used is reported once ({@link #lastError()}) while the previous terms stay in use. Fail closed: the file must be
 * valid when it is opened.
 *
 * @param <T> what the file is read into
 */
public final class TermFileReloader<T> {

    /** Default for how often {@link #current()} rereads the file. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(2);

    /** What a check did. */
    public enum Outcome {
        /** The content is what was last read (or its last bad edit was already reported). */
        UNCHANGED,
        /** The file changed and its new terms are in use. */
        RELOADED,
        /** The file changed but cannot be used; the previous terms stay in use. */
        REJECTED
    }

    private final Path path;
    private final String kind;
    private final String shipped;
    private final BiFunction<String, String, T> parser;
    private final Clock clock;
    private final Duration interval;
    private final AtomicReference<T> current;
    private final AtomicReference<Instant> nextCheck;
    private volatile TermFileException lastError;
    private String lastSeenVersion;

    private TermFileReloader(
            Path path,
            String kind,
            String shipped,
            BiFunction<String, String, T> parser,
            Clock clock,
            Duration interval) {
        this.path = Objects.requireNonNull(path, "path");
        this.kind = kind;
        this.shipped = shipped;
        this.parser = parser;
        this.clock = Objects.requireNonNull(clock, "clock");
        this.interval = Objects.requireNonNull(interval, "interval");
        String text = TermFileParts.text(kind, path, shipped);
        this.current = new AtomicReference<>(parser.apply(text, path.toString()));
        this.lastSeenVersion = KeywordFileReader.version(text);
        this.nextCheck = new AtomicReference<>(clock.instant().plus(interval));
    }

    /** A sensitive-category term file; throws a {@link TermFileException} if it cannot be used now. */
    public static TermFileReloader<SensitiveLexicon> sensitive(Path path, Clock clock) {
        return new TermFileReloader<>(
                path,
                "sensitive term file",
                "config/sensitive-terms.yaml",
                SensitiveTermsReader::parse,
                clock,
                DEFAULT_CHECK_INTERVAL);
    }

    /** A watch term file; throws a {@link TermFileException} if it cannot be used now. */
    public static TermFileReloader<WatchTerms> watch(Path path, Clock clock) {
        return new TermFileReloader<>(
                path,
                "watch term file",
                "config/watch-terms.yaml",
                WatchTermsReader::parse,
                clock,
                DEFAULT_CHECK_INTERVAL);
    }

    /** The terms in use, after rereading the file if the check interval has passed. */
    public T current() {
        Instant now = clock.instant();
        Instant due = nextCheck.get();
        if (!now.isBefore(due) && nextCheck.compareAndSet(due, now.plus(interval))) {
            check();
        }
        return current.get();
    }

    /** Rereads the file now. */
    public synchronized Outcome check() {
        String text;
        try {
            text = TermFileParts.text(kind, path, shipped);
        } catch (TermFileException e) {
            return reject(e, "unreadable:" + e.getMessage());
        }
        String version = KeywordFileReader.version(text);
        if (version.equals(lastSeenVersion)) {
            return Outcome.UNCHANGED;
        }
        try {
            T next = parser.apply(text, path.toString());
            current.set(next);
            lastSeenVersion = version;
            lastError = null;
            return Outcome.RELOADED;
        } catch (TermFileException e) {
            return reject(e, version);
        }
    }

    private Outcome reject(TermFileException e, String version) {
        if (version.equals(lastSeenVersion)) {
            return Outcome.UNCHANGED;
        }
        lastSeenVersion = version;
        lastError = e;
        return Outcome.REJECTED;
    }

    /** Why the last edit was refused, or null while the file in use is the file on disk. */
    public TermFileException lastError() {
        return lastError;
    }
}
