package dev.bridle.internal.cli;

import picocli.CommandLine.Command;

/** {@code bridle audit}: read and check the audit ledger. */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        subcommands = {AuditTailCommand.class, AuditVerifyCommand.class, AuditAnchorCommand.class},
        description = {
            "Read and check the audit ledger: every decision and outcome, hash-chained.",
            "The ledger stores a hash of each text, never the text, and never a credential."
        })
public final class AuditCommand {}
