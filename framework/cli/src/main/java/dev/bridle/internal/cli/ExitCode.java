package dev.bridle.internal.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code bridle} command's exit status means. Scripts and service managers can rely on these; a new meaning
 * gets a new number, an old number never changes meaning.
 *
 * <table>
 *   <caption>Exit codes</caption>
 *   <tr><th>code</th><th>constant</th><th>meaning</th></tr>
 *   <tr><td>0</td><td>{@link #OK}</td><td>success (for {@code check}: the configuration is valid)</td></tr>
 *   <tr><td>1</td><td>{@link #RUNTIME_FAILURE}</td><td>the command failed while running (store or platform unreachable, a crash)</td></tr>
 *   <tr><td>2</td><td>{@link #USAGE_ERROR}</td><td>the command line is wrong: unknown command or option, missing
 *   argument, a malformed input line (one that is not UTF-8, for instance)</td></tr>
 *   <tr><td>3</td><td>{@link #INVALID_CONFIG}</td><td>the configuration file is missing or invalid; every problem is on stderr</td></tr>
 *   <tr><td>4</td><td>{@link #LEDGER_VERIFICATION_FAILED}</td><td>{@code audit verify} found the ledger altered or broken</td></tr>
 * </table>
 */
public final class ExitCode {

    /** Success; for {@code check}, the configuration is valid. */
    public static final int OK = 0;
    /** The command failed while running. */
    public static final int RUNTIME_FAILURE = 1;
    /** The command line is wrong. */
    public static final int USAGE_ERROR = 2;
    /** The configuration file is missing or invalid. */
    public static final int INVALID_CONFIG = 3;
    /** {@code audit verify} found the ledger altered or broken. */
    public static final int LEDGER_VERIFICATION_FAILED = 4;

    private ExitCode() {}

    /** Each code and its meaning, as the usage help lists them. */
    static Map<String, String> descriptions() {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put(Integer.toString(OK), "Success (check: the configuration is valid).");
        codes.put(Integer.toString(RUNTIME_FAILURE), "The command failed while running.");
        codes.put(
                Integer.toString(USAGE_ERROR),
                "Wrong command line: unknown command or option, missing argument," + " a malformed input line.");
        codes.put(
                Integer.toString(INVALID_CONFIG),
                "The configuration is missing or invalid (every problem is on stderr).");
        codes.put(Integer.toString(LEDGER_VERIFICATION_FAILED), "audit verify: the ledger was altered or is broken.");
        return codes;
    }
}
