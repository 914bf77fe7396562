package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Compares JSON the sandbox wrote with a golden file under {@code src/test/resources/golden/} (key order does not
 * matter). {@code -Dgolden.update=true} rewrites the files from the actual output; review the diff.
 */
final class Golden {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Golden() {}

    static void assertMatches(String name, JsonNode actual) {
        String file = "golden/" + name + ".json";
        if (Boolean.getBoolean("golden.update")) {
            try {
                Path path = Path.of("src/test/resources", file);
                Files.createDirectories(path.getParent());
                Files.writeString(path, MAPPER.writeValueAsString(actual) + "\n");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return;
        }
        try (InputStream in = Golden.class.getClassLoader().getResourceAsStream(file)) {
            if (in == null) {
                fail("no golden file " + file + "; run with -Dgolden.update=true to create it. Actual:\n"
                        + MAPPER.writeValueAsString(actual));
            }
            JsonNode expected = MAPPER.readTree(in);
            assertThat(actual)
                    .as("%s\nactual: %s", file, MAPPER.writeValueAsString(actual))
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
