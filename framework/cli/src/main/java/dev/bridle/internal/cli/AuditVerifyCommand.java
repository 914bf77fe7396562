package dev.bridle.internal.cli;

import dev.bridle.BridleStore;
import dev.bridle.audit.VerifyReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bridle audit verify}: walks the hash chain and names the first row that does not fit, then checks the chain's
 * ends against the anchor outside the database and for rows past the head.
 */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Check the ledger's hash chain from the first row to the last, and its end against the",
            "anchor file outside the database: rows edited, deleted, reordered, cut from the end,",
            "rewritten at the end, or forged past the head. Exits 4 if any; see docs/ledger.md."
        })
public final class AuditVerifyCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        VerifyReport report;
        try (BridleStore store = config.openStore()) {
            report = store.ledger().verify();
        }
        PrintWriter out = spec.commandLine().getOut();
        report.notes().forEach(note -> out.println("note: " + note));
        out.flush();
        if (report.intact()) {
            out.println("ledger intact: " + report.rowsChecked() + " rows checked");
            out.flush();
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        for (int i = 0; i < report.problems().size(); i++) {
            boolean atRow = i == 0 && report.firstBadSeq().isPresent();
            err.println("ledger altered"
                    + (atRow ? " at row " + report.firstBadSeq().getAsLong() : "") + ": "
                    + report.problems().get(i));
        }
        err.println(report.rowsChecked() + " rows checked"
                + (report.firstBadSeq().isPresent()
                        ? "; rows before " + report.firstBadSeq().getAsLong() + " are intact"
                        : ""));
        err.flush();
        return ExitCode.LEDGER_VERIFICATION_FAILED;
    }
}
