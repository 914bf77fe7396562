package dev.bridle.internal.watch;

/** A query that is not a valid X search query (unbalanced parentheses or quotes, an unknown operator); says where. */
public final class WatchQueryException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final int column;

    WatchQueryException(int column, String message) {
        super("column " + column + ": " + message);
        this.column = column;
    }

    /** Where the problem is, from 1. */
    public int column() {
        return column;
    }
}
