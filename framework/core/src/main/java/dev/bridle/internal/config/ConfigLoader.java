package dev.bridle.internal.config;

import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.yaml.Problems;
import dev.bridle.internal.yaml.YamlFile;
import dev.bridle.internal.yaml.YamlNode;
import dev.bridle.internal.yaml.YamlNode.Location;
import dev.bridle.internal.yaml.YamlNode.YamlScalar;
import dev.bridle.internal.yaml.YamlProblem;
import dev.bridle.internal.yaml.YamlReader;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads and validates a configuration file ({@code config/bridle.yaml}).
 *
 * <p>Every problem in the file is found in one pass and thrown together as a {@link ConfigException}, each naming its
 * {@code file:line:column}, the path of the value, what is wrong and what was expected. Unknown keys are problems, with
 * a "did you mean" when one is close. {@code ${env:NAME}} in any string value is replaced by the environment variable
 * {@code NAME}; secrets read this way remember the variable's name, never print their value, and a variable that is not
 * set is a problem naming it. Classes named in the file (bots, modules) are checked on the given class loader without
 * being initialised, and the opt-out keyword file it names is read and checked too. Files are only read.
 *
 * <pre>{@code
 * BridleConfig config = ConfigLoader.load(Path.of("config/bridle.yaml"));
 * }</pre>
 */
public final class ConfigLoader {

    /** Unless {@code dryRun: true}, actions that pass the guards are sent. */
    public static final boolean DEFAULT_DRY_RUN = false;
    /** The platform API version writes use unless {@code platform.api} says otherwise. */
    public static final ApiVersion DEFAULT_API = ApiVersion.V2;
    /** The zone a cron schedule is read in unless it names one. */
    public static final ZoneId DEFAULT_CRON_ZONE = ZoneId.of("UTC");

    /**
     * The largest configuration file read, 1 MiB. The shipped one, with its comments, is 8 KB, and one with a few
     * thousand accounts and bots stays under this; SnakeYAML itself refuses a document over about 3 MB, with a message
     * that names no limit. A larger file is not a configuration (a log or a data file named by mistake) and is refused
     * before it is parsed.
     */
    public static final int MAX_BYTES = 1 << 20;

    /** Configuration values are mostly required scalars: an alias reads as its anchor's name, not as missing too. */
    private static final YamlReader.Hints HINTS = new YamlReader.Hints(
            "expected well-formed YAML (check the indentation, and quote values containing ': ' or ' #')",
            "expected each key once",
            "expected the value written out in full",
            "expected the whole configuration in one document",
            YamlScalar.Kind.STRING);

    private ConfigLoader() {}

    /**
     * Loads {@code file}, reading {@code ${env:NAME}} from this process's environment and checking classes on the
     * context class loader.
     *
     * @throws ConfigException listing every problem, if there is any
     */
    public static BridleConfig load(Path file) {
        ClassLoader loader = Optional.ofNullable(Thread.currentThread().getContextClassLoader())
                .orElse(ConfigLoader.class.getClassLoader());
        return load(file, System.getenv(), loader);
    }

    /**
     * Loads {@code file}, reading {@code ${env:NAME}} from {@code environment} and checking the bot and module classes
     * it names on {@code classLoader}.
     *
     * @throws ConfigException listing every problem, if there is any
     */
    public static BridleConfig load(Path file, Map<String, String> environment, ClassLoader classLoader) {
        Objects.requireNonNull(file, "file");
        String source = file.toString();
        String yaml;
        try {
            yaml = YamlFile.read(file, MAX_BYTES);
        } catch (YamlFile.TooLargeException e) {
            throw new ConfigException(
                    source,
                    List.of(new YamlProblem(
                            source,
                            0,
                            0,
                            "",
                            "is " + e.getMessage()
                                    + " for a configuration file; expected a YAML configuration, which is a few kilobytes (is this the"
                                    + " right file?)")));
        } catch (YamlFile.NotUtf8Exception e) {
            throw new ConfigException(
                    source,
                    List.of(new YamlProblem(
                            source, e.line(), e.column(), "", "not UTF-8 text; save the file as UTF-8")));
        } catch (IOException e) {
            throw new ConfigException(
                    source,
                    List.of(new YamlProblem(
                            source,
                            0,
                            0,
                            "",
                            "cannot be read (" + reason(e) + "); expected a YAML configuration file")));
        }
        return parse(file, source, yaml, environment, classLoader);
    }

    /**
     * Validates {@code yaml} as if read from {@code file}, named {@code source} in messages; paths in it are relative
     * to {@code file}'s directory ({@code file} {@code null}: the working directory).
     */
    static BridleConfig parse(
            Path file, String source, String yaml, Map<String, String> environment, ClassLoader classLoader) {
        Problems problems = new Problems(source);
        Optional<YamlNode> root = new YamlReader(problems, HINTS).read(yaml);
        BridleConfig config = null;
        if (root.isPresent()) {
            NodeReader nodes = new NodeReader(problems, new EnvSubstitution(environment));
            config = new ConfigReader(nodes, new ClassChecker(classLoader), file).read(root.get(), source);
        } else if (problems.isEmpty()) {
            problems.add(
                    new Location(1, 1),
                    "",
                    "the file is empty; expected a configuration starting with" + " environment: and app:");
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems.inFileOrder());
        }
        return Objects.requireNonNull(config, "no problem reported, yet no configuration");
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
