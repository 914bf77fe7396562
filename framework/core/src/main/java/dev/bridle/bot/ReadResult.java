package dev.bridle.bot;

import java.util.Objects;

/**
 * What one guarded read gave: {@link Read} with its value, {@link Refused} by the read plan before any request, or
 * {@link Failed} at the platform.
 *
 * <pre>{@code
 * if (ctx.reads().user("anna") instanceof ReadResult.Read<Optional<UserRef>> read && read.value().isPresent()) { ... }
 * }</pre>
 *
 * @param <T> what the read returns
 */
public sealed interface ReadResult<T> {

    /** The read was made; {@code value} is what came back. */
    record Read<T>(T value) implements ReadResult<T> {
        public Read {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * The read plan refused the read; no request was made.
     *
     * @param code why, citing its rule ({@link ReasonCode#NOT_FOR_PURPOSE}, {@link ReasonCode#SURVEILLANCE} …)
     * @param message a sentence for people
     */
    record Refused<T>(ReasonCode code, String message) implements ReadResult<T> {
        public Refused {
            Objects.requireNonNull(code, "code");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * The platform did not answer the read (a rate limit, bad credentials, an outage).
     *
     * @param message what went wrong, for people
     */
    record Failed<T>(String message) implements ReadResult<T> {
        public Failed {
            Objects.requireNonNull(message, "message");
        }
    }

    /** Whether the read was made. */
    default boolean read() {
        return this instanceof Read;
    }
}
