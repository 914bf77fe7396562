package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sandbox stands alone (it shares only the bounded HTTP server, which knows nothing of Bridle) and takes time only
 * from its clock.
 */
class HouseRulesTest {
    private static final Path MAIN = Path.of("src/main/java");

    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }

    @Test
    void importsNothingOfBridleButItself() throws IOException {
        Pattern foreign = Pattern.compile(
                "^import (static )?dev\\.bridle\\.(?!sandbox\\.|internal\\.http\\.)", Pattern.MULTILINE);
        for (Path source : sources()) {
            assertThat(foreign.matcher(Files.readString(source)).find())
                    .as(
                            "%s imports Bridle code outside dev.bridle.sandbox and dev.bridle.internal.http (the "
                                    + "sandbox must not know the guards)",
                            source)
                    .isFalse();
        }
    }

    @Test
    void readsTimeOnlyFromTheInjectedClock() throws IOException {
        Pattern wallClock = Pattern.compile("Instant\\.now\\(|System\\.currentTimeMillis\\(|LocalDateTime\\.now\\(|"
                + "Clock\\.systemUTC\\(|Clock\\.systemDefaultZone\\(");
        for (Path source : sources()) {
            String text = Files.readString(source);
            boolean allowed = source.endsWith("Sandbox.java"); // the builder's default clock
            assertThat(!allowed && wallClock.matcher(text).find())
                    .as("%s reads the wall clock", source)
                    .isFalse();
        }
    }
}
