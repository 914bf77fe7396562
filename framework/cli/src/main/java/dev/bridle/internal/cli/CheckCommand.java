package dev.bridle.internal.cli;

import dev.bridle.Bridle;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigPrinter;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code bridle check}: validates the configuration and prints it as it will be used, defaults filled in and secrets
 * masked, then the decision plan it makes (each step, its rule, its budget) as comments. An invalid configuration
 * prints every problem to stderr and exits with {@link ExitCode#INVALID_CONFIG}. It starts nothing and sends nothing.
 */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Validate the configuration and print it as it will be used.",
            "Defaults are filled in and secrets shown as ****, and the decision plan follows as",
            "comments: each step an action passes, its rule and its budget. On errors, every problem",
            "is printed to stderr as file:line:column: path: message, and the exit code is 3."
        })
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    private ConfigOption config;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        BridleConfig loaded = config.load();
        PrintWriter out = spec.commandLine().getOut();
        out.print(ConfigPrinter.print(loaded));
        Bridle.Builder builder = Bridle.builder().config(config.file());
        builder.plan().forEach(line -> out.println("# " + line));
        builder.warnings().forEach(w -> out.println("# Warning: " + w));
        long sandboxed =
                loaded.accounts().stream().filter(a -> a.credentials() == null).count();
        out.println("# Valid: " + count(loaded.bots().size(), "bot") + ", "
                + count(loaded.accounts().size(), "account") + " (" + sandboxed + " in the sandbox"
                + (loaded.dryRun() ? "; dry run" : "") + ").");
        out.flush();
        return ExitCode.OK;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
