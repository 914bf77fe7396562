package dev.bridle.config;

/**
 * This node may not start: a live node on the same store runs a different configuration. The message is one line naming
 * that node and the sections that differ.
 */
public final class NodeMismatchException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    public NodeMismatchException(String message) {
        super(message);
    }
}
