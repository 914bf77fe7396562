package dev.bridle.internal.cli;

import dev.bridle.Bridle;
import dev.bridle.BridleStore;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.ConfigException;
import dev.bridle.internal.config.ConfigLoader;
import dev.bridle.internal.config.TermFiles;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * The {@code --config FILE} option every subcommand shares: add it with {@code @Mixin ConfigOption config;} and call
 * {@link #load()}. A {@link dev.bridle.internal.config.ConfigException} thrown from a command becomes exit code
 * {@link ExitCode#INVALID_CONFIG} with every problem on stderr.
 */
public final class ConfigOption {

    /** Where the configuration is read from unless {@code --config} says otherwise. */
    public static final String DEFAULT_FILE = "config/bridle.yaml";

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            defaultValue = DEFAULT_FILE,
            description = "The configuration file (default: ${DEFAULT-VALUE}).")
    private Path file;

    /** The file named on the command line, or the default. */
    public Path file() {
        return file;
    }

    /**
     * The configuration in {@link #file()}, validated.
     *
     * @throws dev.bridle.internal.config.ConfigException listing every problem, if there is any
     */
    public BridleConfig load() {
        return ConfigLoader.load(file);
    }

    /**
     * The term files the configuration's bots are judged by (its {@code recognisers:}, else the files beside it), for
     * the {@code test} commands to judge as the runtime does. When the configuration is missing, that is the files
     * beside where it would be; when it is invalid, the same, and {@code err} says so.
     */
    public TermFiles termFiles(PrintWriter err) {
        if (Files.isRegularFile(file)) {
            try {
                BridleConfig config = load();
                return new TermFiles(config.sensitiveTermsFile(), config.watchTermsFile());
            } catch (ConfigException e) {
                err.println("(" + file + " is not valid, so its recognisers: are not read; bridle check says why)");
            }
        }
        TermFiles beside = TermFiles.none();
        return new TermFiles(beside.sensitiveTermsFor(file), beside.watchTermsFor(file));
    }

    /**
     * The store of the configuration in {@link #file()}, alone: no platform, no credentials, as an operator's command
     * works while the bots run elsewhere or not at all.
     *
     * @throws dev.bridle.internal.config.ConfigException listing every problem, if there is any
     */
    public BridleStore openStore() {
        return Bridle.builder().config(file).openStore();
    }
}
