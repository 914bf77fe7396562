package dev.bridle.internal.cli;

import dev.bridle.internal.config.ConfigException;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The {@code bridle} command. Subcommands are listed in {@code subcommands}; a new one is a class with
 * {@code @Command}, {@code mixinStandardHelpOptions = true} and {@code @Mixin ConfigOption}, added to that list.
 * {@link #commandLine()} wires the exit codes ({@link ExitCode}) and turns a {@link ConfigException} from any
 * subcommand into its problems on stderr and exit code 3, and any other failure into one line on stderr
 * ({@link FailureReport}) and exit code 1, with the stack trace at debug level only.
 */
@Command(
        name = "bridle",
        mixinStandardHelpOptions = true,
        versionProvider = BridleCommand.Version.class,
        subcommands = {
            RunCommand.class,
            CheckCommand.class,
            AuditCommand.class,
            KeywordsCommand.class,
            ConsentCommand.class,
            DuplicatesCommand.class,
            FactsCommand.class,
            WatchCommand.class,
            AccountsCommand.class,
            PeopleCommand.class,
            SandboxCommand.class,
            CommandLine.HelpCommand.class
        },
        description = "Run automation bots for X with the platform's rules built in.",
        footerHeading = "%nSee also:%n",
        footer = "  bridle COMMAND --help   options of one command")
public final class BridleCommand {

    private static final Logger log = LoggerFactory.getLogger(BridleCommand.class);

    /** The command line for {@code bridle}, ready to {@code execute(args)}. */
    public static CommandLine commandLine() {
        CommandLine line = new CommandLine(new BridleCommand());
        line.setExitCodeExceptionMapper(e -> ExitCode.RUNTIME_FAILURE);
        line.setExecutionExceptionHandler(BridleCommand::handle);
        line.setParameterExceptionHandler(BridleCommand::usageError);
        line.setExecutionStrategy(parsed -> {
            ArgumentText.check(parsed);
            return new CommandLine.RunLast().execute(parsed);
        });
        document(line);
        return line;
    }

    /** Every command's usage help lists the exit codes. */
    private static void document(CommandLine line) {
        line.getCommandSpec().versionProvider(new Version());
        line.getCommandSpec()
                .usageMessage()
                .exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(ExitCode.descriptions());
        line.getCommandSpec()
                .exitCodeOnSuccess(ExitCode.OK)
                .exitCodeOnUsageHelp(ExitCode.OK)
                .exitCodeOnVersionHelp(ExitCode.OK)
                .exitCodeOnInvalidInput(ExitCode.USAGE_ERROR)
                .exitCodeOnExecutionException(ExitCode.RUNTIME_FAILURE);
        line.getSubcommands().values().forEach(BridleCommand::document);
    }

    private static int handle(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (e instanceof ConfigException invalid) {
            err.println(invalid.getMessage());
            if (invalid.problems().stream().allMatch(p -> p.line() == 0)) {
                err.println("Pass --config FILE to read another file (the default is " + ConfigOption.DEFAULT_FILE
                        + ", relative to the current directory).");
            }
            err.flush();
            return ExitCode.INVALID_CONFIG;
        }
        log.debug("{} failed", command.getCommandSpec().qualifiedName(), e);
        err.println(FailureReport.line(e, command.getCommandSpec()));
        err.flush();
        return ExitCode.RUNTIME_FAILURE;
    }

    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        PrintWriter err = command.getErr();
        if (args.length == 0) {
            command.usage(err);
            err.flush();
            return ExitCode.USAGE_ERROR;
        }
        err.println(e.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more.");
        err.flush();
        return ExitCode.USAGE_ERROR;
    }

    /** The version from the jar's manifest. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = BridleCommand.class.getPackage().getImplementationVersion();
            return new String[] {"bridle " + (version == null ? "(development build)" : version)};
        }
    }
}
