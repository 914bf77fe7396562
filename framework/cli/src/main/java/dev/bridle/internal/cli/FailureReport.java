package dev.bridle.internal.cli;

import dev.bridle.audit.LedgerAnchorException;
import dev.bridle.config.AppMismatchException;
import dev.bridle.config.NodeMismatchException;
import dev.bridle.config.StoreUnavailableException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What the {@code bridle} command prints when a command fails while running: one line that says what failed and, for
 * the store, what to do and where it is configured:
 *
 * <pre>
 * bridle run: cannot open the store at jdbc:postgresql://127.0.0.1:5999/bridle: Connection refused; is PostgreSQL
 * running there, on that port? (store.url in config/bridle.yaml)
 * </pre>
 *
 * The stack trace goes to the debug log only ({@code BRIDLE_LOG_LEVEL=DEBUG}). Store messages never hold a password
 * ({@link StoreUnavailableException} says so); this adds only the file's name.
 */
final class FailureReport {

    private FailureReport() {}

    /** The one line for {@code failure} of the command {@code spec}. */
    static String line(Throwable failure, CommandSpec spec) {
        String command = spec.qualifiedName();
        Throwable refusal = refusal(failure);
        if (refusal != null) {
            return command + ": " + firstLine(refusal.getMessage());
        }
        StoreUnavailableException store = storeCause(failure);
        if (store != null) {
            String file = configFile(spec);
            return command + ": " + firstLine(store.getMessage())
                    + (file == null ? "" : " (store.url in " + file + ")");
        }
        return command + ": failed: " + firstLine(String.valueOf(failure))
                + " (the stack trace is logged at debug level: BRIDLE_LOG_LEVEL=DEBUG)";
    }

    /**
     * A refusal to start, whose message is already the one line (what, where, what to do): a ledger that does not match
     * its anchor, a node configured unlike the live ones, an app that ran here as another environment.
     */
    private static Throwable refusal(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof LedgerAnchorException
                    || t instanceof NodeMismatchException
                    || t instanceof AppMismatchException) {
                return t;
            }
        }
        return null;
    }

    /** The first store failure in the chain: a runtime wraps it, but it says what went wrong. */
    private static StoreUnavailableException storeCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException store) {
                return store;
            }
        }
        return null;
    }

    private static String configFile(CommandSpec spec) {
        OptionSpec option = spec.findOption("--config");
        Object value = option == null ? null : option.getValue();
        return value == null ? null : value.toString();
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no reason given";
        }
        String text = message.strip();
        int end = text.indexOf('\n');
        return (end < 0 ? text : text.substring(0, end)).strip();
    }
}
