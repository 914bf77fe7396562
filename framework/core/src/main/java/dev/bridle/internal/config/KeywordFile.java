package dev.bridle.internal.config;

import dev.bridle.internal.optout.Classification;
import dev.bridle.internal.optout.KeywordMatcher;
import dev.bridle.internal.optout.KeywordSet;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * A keyword file that is reread when it changes, so edits take effect without a restart. A bad edit never replaces
 * working keywords: the last good set stays in use and the problems, with their lines, are kept in {@link #lastError()}
 * and passed to the listeners.
 *
 * <p>Call {@link #poll()} before classifying (cheap: it compares the injected clock with the next check time, and
 * rereads the file at most once per check interval), or {@link #reloadIfChanged()} to check now. A change is a change
 * of content, not of modification time, so quick edits within one timestamp tick, and editors that save by replacing
 * the file, are both seen.
 *
 * <pre>{@code
 * KeywordFile keywords = KeywordFile.open(Path.of("config/optout-keywords.yaml"), clock);
 * keywords.addListener(new KeywordFile.Listener() {
 *     public void reloaded(KeywordSet previous, KeywordSet current) { log.info("keywords now {}", current); }
 *     public void rejected(KeywordFileException error, KeywordSet kept) { log.warn("{}", error.getMessage()); }
 * });
 * Classification c = keywords.classify(inbound.text());    // polls, then classifies
 * }</pre>
 */
public final class KeywordFile {

    /** Default for how often {@link #poll()} rereads the file. */
    public static final Duration DEFAULT_CHECK_INTERVAL = Duration.ofSeconds(2);

    /** What a check did. */
    public enum Outcome {
        /** The file's content is what was last read (or its last bad edit was already reported). */
        UNCHANGED,
        /** The file changed and its new keywords are in use. */
        RELOADED,
        /** The file changed but cannot be used; the previous keywords stay in use. */
        REJECTED
    }

    /** Told about reloads, for logging and metrics. Called on the thread that noticed the change. */
    public interface Listener {
        /** New keywords are in use. */
        default void reloaded(KeywordSet previous, KeywordSet current) {}

        /** An edit could not be used; {@code kept} stays in use. */
        default void rejected(KeywordFileException error, KeywordSet kept) {}
    }

    private final Path path;
    private final Clock clock;
    private final Duration checkInterval;
    private final AtomicReference<KeywordMatcher> current;
    private final AtomicReference<Instant> nextCheck;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile KeywordFileException lastError;
    /** The version of the last content read, good or bad, so a bad edit is reported once. */
    private String lastSeenVersion;

    private KeywordFile(Path path, Clock clock, Duration checkInterval, KeywordSet first) {
        this.path = path;
        this.clock = clock;
        this.checkInterval = checkInterval;
        this.current = new AtomicReference<>(KeywordMatcher.of(first));
        this.nextCheck = new AtomicReference<>(clock.instant().plus(checkInterval));
        this.lastSeenVersion = first.version();
    }

    /** Opens {@code path}, checking for changes every {@link #DEFAULT_CHECK_INTERVAL}. */
    public static KeywordFile open(Path path, Clock clock) {
        return open(path, clock, DEFAULT_CHECK_INTERVAL);
    }

    /**
     * Opens {@code path}.
     *
     * @throws KeywordFileException when the file cannot be read or is invalid: at start there are no previous keywords
     *     to fall back on, and running without any would fail open
     */
    public static KeywordFile open(Path path, Clock clock, Duration checkInterval) {
        Objects.requireNonNull(clock, "clock");
        if (checkInterval.isNegative()) {
            throw new IllegalArgumentException("checkInterval must not be negative: " + checkInterval);
        }
        return new KeywordFile(path, clock, checkInterval, KeywordFileReader.load(path));
    }

    /** The matcher of the keywords in use, the file checked for changes on each call (for the opt-out step). */
    public Supplier<KeywordMatcher> polledMatcher() {
        return () -> {
            poll();
            return matcher();
        };
    }

    /** The keywords in use. */
    public KeywordSet current() {
        return current.get().keywords();
    }

    /** A matcher for the keywords in use. */
    public KeywordMatcher matcher() {
        return current.get();
    }

    /** {@link #poll()}, then classifies {@code message} with the keywords in use. */
    public Classification classify(CharSequence message) {
        poll();
        return current.get().classify(message);
    }

    /** The problems of the last edit that could not be used, until an edit succeeds. */
    public Optional<KeywordFileException> lastError() {
        return Optional.ofNullable(lastError);
    }

    /** Tells {@code listener} about every later reload and rejected edit. */
    public void addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /**
     * {@link #reloadIfChanged()} if the check interval has passed on the clock since the last check; otherwise nothing.
     * Only one of several threads calling at once does the check.
     */
    public Outcome poll() {
        Instant now = clock.instant();
        Instant due = nextCheck.get();
        if (now.isBefore(due) || !nextCheck.compareAndSet(due, now.plus(checkInterval))) {
            return Outcome.UNCHANGED;
        }
        return reloadIfChanged();
    }

    /** Rereads the file now and uses it if its content changed and is valid. */
    public synchronized Outcome reloadIfChanged() {
        String text;
        KeywordSet next;
        try {
            text = KeywordFileReader.text(path);
            String version = KeywordFileReader.version(text);
            if (version.equals(current().version())) {
                // Back to the keywords in use (a bad edit undone): nothing to load, nothing wrong.
                lastSeenVersion = version;
                lastError = null;
                return Outcome.UNCHANGED;
            }
            if (version.equals(lastSeenVersion)) {
                return Outcome.UNCHANGED;
            }
            lastSeenVersion = version;
            next = KeywordFileReader.parse(text, path.toString());
        } catch (KeywordFileException e) {
            if (lastError != null && lastError.getMessage().equals(e.getMessage())) {
                return Outcome.UNCHANGED;
            }
            lastError = e;
            KeywordSet kept = current();
            listeners.forEach(l -> l.rejected(e, kept));
            return Outcome.REJECTED;
        }
        KeywordSet previous = current();
        current.set(KeywordMatcher.of(next));
        lastError = null;
        listeners.forEach(l -> l.reloaded(previous, next));
        return Outcome.RELOADED;
    }

    /** The file this reads. */
    public Path path() {
        return path;
    }
}
