package dev.bridle.internal.cli;

import dev.bridle.BridleStore;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bridle audit anchor}: says where the ledger's anchor is and what it records; with
 * {@code --accept-current-head}, makes the current head the anchor, the deliberate step after a store is restored on
 * purpose (or upgraded from a ledger without anchors, or joined by a new node).
 */
@Command(
        name = "anchor",
        mixinStandardHelpOptions = true,
        description = {
            "Show the ledger anchor: the file outside the database that records the ledger's head.",
            "With --accept-current-head, make the current head the anchor (after a restore on",
            "purpose, an upgrade, a new node or a new key). Run bridle audit verify first: what the",
            "old anchor said is kept in a log beside it, and nothing else remembers it."
        })
public final class AuditAnchorCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

    @Option(
            names = "--accept-current-head",
            description = "Replace the anchor by the ledger's current head; the old anchor goes to <anchor>.log.")
    private boolean accept;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (BridleStore store = config.openStore()) {
            out.println(
                    accept
                            ? store.ledger().acceptCurrentHead(Clock.systemUTC())
                            : store.ledger().describeAnchor());
        } catch (UncheckedIOException e) {
            spec.commandLine().getErr().println("bridle audit anchor: " + e.getMessage());
            spec.commandLine().getErr().flush();
            return ExitCode.RUNTIME_FAILURE;
        }
        out.flush();
        return ExitCode.OK;
    }
}
