package dev.bridle.internal.platform.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.TreeMap;

/**
 * Compares a request the adapter sent with a golden file under {@code src/test/resources/golden/platform/}: method,
 * path, query parameters and body (a JSON body as JSON, a form body as its parameters). Key order does not matter.
 * {@code -Dgolden.update=true} rewrites the files; review the diff.
 */
final class GoldenRequests {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private GoldenRequests() {}

    static void assertMatches(String name, SandboxFixture.Sent sent) {
        String file = "golden/platform/" + name + ".json";
        try {
            JsonNode actual = describe(sent);
            if (Boolean.getBoolean("golden.update")) {
                Path path = Path.of("src/test/resources", file);
                Files.createDirectories(path.getParent());
                Files.writeString(path, JSON.writeValueAsString(actual) + "\n");
                return;
            }
            try (InputStream in = GoldenRequests.class.getClassLoader().getResourceAsStream(file)) {
                if (in == null) {
                    fail("no golden file " + file + "; run with -Dgolden.update=true to create it. Actual:\n"
                            + JSON.writeValueAsString(actual));
                }
                assertThat(actual).as(file).isEqualTo(JSON.readTree(in));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode describe(SandboxFixture.Sent sent) throws IOException {
        ObjectNode node = JSON.createObjectNode();
        URI uri = URI.create(sent.url());
        node.put("request", sent.endpoint().substring(0, sent.endpoint().indexOf(' ')) + " " + uri.getRawPath());
        if (uri.getRawQuery() != null) {
            node.set("query", JSON.valueToTree(form(uri.getRawQuery())));
        }
        if (sent.body() != null) {
            node.set(
                    "body",
                    sent.body().startsWith("{") ? JSON.readTree(sent.body()) : JSON.valueToTree(form(sent.body())));
        }
        return node;
    }

    private static TreeMap<String, String> form(String encoded) {
        TreeMap<String, String> params = new TreeMap<>();
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            params.put(
                    URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return params;
    }
}
