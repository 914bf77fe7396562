package dev.bridle.internal.read;

import java.util.Optional;

/** One rule of the read plan: refuses a read it forbids, or lets it pass. A step that cannot decide throws. */
public interface ReadStep {

    /** The step's name, as the ledger and {@code bridle check} show it. */
    String name();

    /** The rule it enforces, in a sentence. */
    String rule();

    /** Why {@code request} may not be made, or empty if this step allows it. */
    Optional<ReadRefusal> check(ReadRequest request);
}
