package dev.bridle.internal.runtime;

/** Short, single-line descriptions of exceptions for the ledger and results. */
final class Errors {

    /** Longer texts are cut: the ledger is an audit trail, not a log. */
    static final int MAX_LENGTH = 500;

    private Errors() {}

    static String describe(Throwable e) {
        String text = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
        text = text.replaceAll("\\s+", " ");
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
