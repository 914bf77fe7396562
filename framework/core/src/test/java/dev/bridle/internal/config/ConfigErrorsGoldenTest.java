package dev.bridle.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bridle.internal.yaml.YamlProblem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The error messages users read, checked against golden files: each {@code errors/NAME.yaml} is loaded and its message
 * compared with {@code errors/NAME.expected.txt}. After changing a message on purpose, regenerate them with
 * {@code -Dbridle.golden.update=true} and review the diff.
 */
class ConfigErrorsGoldenTest {

    static final Path DIR = Path.of("src/test/resources/config/errors");
    static final Map<String, String> ENV = Map.of(
            "ACME_CK",
            "ck-SECRET-1",
            "ACME_CS",
            "cs-SECRET-2",
            "ACME_AT",
            "at-SECRET-3",
            "ACME_AS",
            "as-SECRET-4",
            "EMPTY",
            "",
            "PURPOSE",
            "testing");
    private static final boolean UPDATE = Boolean.getBoolean("bridle.golden.update");

    static Stream<Path> cases() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void messageMatchesGoldenFile(Path yaml) throws IOException {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> ConfigLoader.load(yaml, ENV, getClass().getClassLoader()));
        assertThat(e).as("%s should be invalid", yaml).isNotNull();
        String actual = e.getMessage().replace(System.lineSeparator(), "\n") + "\n";
        Path golden = DIR.resolve(yaml.getFileName().toString().replace(".yaml", ".expected.txt"));
        if (UPDATE) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noSecretValueIsEverPrinted(Path yaml) {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> ConfigLoader.load(yaml, ENV, getClass().getClassLoader()));
        // Every secret value in ENV has "-SECRET"; variable names such as ACME_CONSUMER_SECRET may be shown.
        assertThat(e.getMessage()).doesNotContain("-SECRET", "hunter");
    }

    @Test
    void everyProblemInOneFileIsReportedAtOnceInFileOrder() {
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> ConfigLoader.load(
                        DIR.resolve("many-problems.yaml"), ENV, getClass().getClassLoader()));
        List<YamlProblem> problems = e.problems();
        assertThat(problems).hasSizeGreaterThanOrEqualTo(20);
        assertThat(problems)
                .isSortedAccordingTo((a, b) -> a.line() != b.line()
                        ? Integer.compare(a.line(), b.line())
                        : Integer.compare(a.column(), b.column()));
        // Problems from every part of the file: top, middle and last line.
        assertThat(problems).extracting(YamlProblem::line).contains(2, 5, 12, 19, 21, 28, 30, 33);
    }

    @Test
    void everyGoldenFileHasItsCase() throws IOException {
        try (Stream<Path> files = Files.list(DIR)) {
            assertThat(files.filter(f -> f.toString().endsWith(".expected.txt")))
                    .allSatisfy(f -> assertThat(Path.of(f.toString().replace(".expected.txt", ".yaml")))
                            .exists());
        }
    }

    @Test
    void aMissingFileIsAProblemToo() {
        assertThatThrownBy(() -> ConfigLoader.load(
                        DIR.resolve("no-such.yaml"), ENV, getClass().getClassLoader()))
                .isInstanceOf(ConfigException.class)
                .hasMessage("Invalid configuration " + DIR.resolve("no-such.yaml") + ": 1 problem"
                        + System.lineSeparator() + DIR.resolve("no-such.yaml")
                        + ": cannot be read (no such file); expected a YAML configuration file");
    }
}
