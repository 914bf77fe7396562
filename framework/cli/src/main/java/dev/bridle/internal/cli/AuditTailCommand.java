package dev.bridle.internal.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.BridleStore;
import dev.bridle.audit.LedgerEntry;
import dev.bridle.audit.LedgerRecord;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code bridle audit tail}: the most recent ledger rows, oldest first. */
@Command(
        name = "tail",
        mixinStandardHelpOptions = true,
        description = {
            "Print the most recent ledger rows, oldest first: when, which bot and account,",
            "what kind of action, what happened, the reason code and rule, and why."
        })
public final class AuditTailCommand implements Callable<Integer> {

    /** How many rows unless {@code -n} says otherwise. */
    static final int DEFAULT_ROWS = 20;

    private static final ObjectMapper JSON = new ObjectMapper();

    @Mixin
    private ConfigOption config;

    @Option(
            names = {"-n", "--rows"},
            paramLabel = "N",
            defaultValue = "" + DEFAULT_ROWS,
            description = "How many rows (default: ${DEFAULT-VALUE}).")
    private int rows;

    @Option(names = "--json", description = "One JSON object per row.")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        if (rows < 0) {
            spec.commandLine().getErr().println("-n must be 0 or more, not " + rows);
            return ExitCode.USAGE_ERROR;
        }
        PrintWriter out = spec.commandLine().getOut();
        try (BridleStore store = config.openStore()) {
            for (LedgerEntry entry : store.ledger().tail(rows)) {
                out.println(json ? asJson(entry) : asText(entry));
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /**
     * {@code #12 2026-11-28T09:00:00Z thanks @acme_help REPLY DENIED NO_CONSENT [consent] no consent from user 2002 for
     * reply}.
     */
    static String asText(LedgerEntry entry) {
        LedgerRecord r = entry.record();
        StringBuilder line = new StringBuilder()
                .append('#')
                .append(entry.seq())
                .append(' ')
                .append(r.at())
                .append(' ')
                .append(r.bot())
                .append(" @")
                .append(r.account())
                .append(' ')
                .append(r.actionKind() == null ? "-" : r.actionKind())
                .append(' ')
                .append(r.event());
        if (r.reason() != null) {
            line.append(' ').append(r.reason());
        }
        if (r.guard() != null) {
            line.append(" [").append(r.guard()).append(']');
        }
        if (!r.targets().isEmpty()) {
            line.append(" to ").append(String.join(",", r.targets()));
        }
        if (r.platformId() != null) {
            line.append(" id=").append(r.platformId());
        }
        if (r.message() != null) {
            line.append(" ").append(r.message());
        }
        if (r.error() != null) {
            line.append(" error: ").append(r.error());
        }
        return line.toString();
    }

    static String asJson(LedgerEntry entry) {
        LedgerRecord r = entry.record();
        ObjectNode node = JSON.createObjectNode()
                .put("seq", entry.seq())
                .put("at", r.at().toString())
                .put("requestId", r.requestId() == null ? null : r.requestId().toString())
                .put("bot", r.bot())
                .put("account", r.account())
                .put("kind", r.actionKind())
                .put("event", r.event().name())
                .put("guard", r.guard())
                .put("reason", r.reason())
                .put("rule", r.rule())
                .put("message", r.message())
                .put("platformId", r.platformId())
                .put("error", r.error())
                .put("contentHash", r.contentHash())
                .put("hash", entry.hash());
        r.targets().forEach(node.putArray("targets")::add);
        return node.toString();
    }
}
