package dev.bridle.cli;

import dev.bridle.internal.cli.BridleCommand;
import dev.bridle.internal.cli.ExitCode;

/**
 * The {@code bridle} command's entry point: runs {@link BridleCommand} and exits with its {@link ExitCode}. The
 * {@code ./bridle} launcher at the repository root calls this.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        System.exit(BridleCommand.commandLine().execute(args));
    }
}
