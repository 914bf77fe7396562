package dev.bridle.cli;

import dev.bridle.audit.VerifyReport;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bridle audit verify}: walks the hash chain and names the first row that does not fit. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = {
            "Check the ledger's hash chain from the first row to the last.",
            "Reports the first row that was edited, deleted or reordered, and exits 4."})
public final class AuditVerifyCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        VerifyReport report;
        try (LedgerAccess access = LedgerAccess.open(config.load())) {
            report = access.ledger().verify();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (report.intact()) {
            out.println("ledger intact: " + report.rowsChecked() + " rows checked");
            out.flush();
            return ExitCode.OK;
        }
        PrintWriter err = spec.commandLine().getErr();
        err.println("ledger altered at row " + report.firstBadSeq().getAsLong() + ": " + report.problem());
        err.println(report.rowsChecked() + " rows checked; rows before " + report.firstBadSeq().getAsLong() + " are intact");
        err.flush();
        return ExitCode.LEDGER_VERIFICATION_FAILED;
    }
}
