package dev.bridle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;

/**
 * The README's "Writing a bot" shows the real ThankYouBot and its real configuration: a reader who copies the snippets
 * gets what the repository runs.
 */
class ReadmeSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern FENCE = Pattern.compile("```(\\w+)\\n(.*?)```", Pattern.DOTALL);

    @Test
    void theWritingABotSnippetIsThankYouBotAsItIs() throws IOException {
        String snippet = snippets("Writing a bot", "java").get(0);
        String source = read(ROOT.resolve("example-bots/src/main/java/dev/bridle/examples/ThankYouBot.java"));

        String classBody = source.substring(source.indexOf("public final class ThankYouBot"));
        assertThat(snippet)
                .as("the README's ThankYouBot, from its class line to the end of the file")
                .isEqualTo(classBody);
    }

    @Test
    void theTestingABotSnippetIsCutFromThankYouBotTestAsItIs() throws IOException {
        String snippet = snippets("Testing a bot", "java").get(0);
        String source = read(ROOT.resolve("example-bots/src/test/java/dev/bridle/examples/ThankYouBotTest.java"));
        String unindented = source.lines()
                .map(line -> line.startsWith("    ") ? line.substring(4) : line)
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"));

        assertThat(unindented)
                .as("ThankYouBotTest, one level of indentation less, contains the README's test as it is")
                .contains(snippet);
    }

    @Test
    void theBuilderSnippetsAreEmbeddingSnippetsAsTheyAreAndTheFirstMakesAPlan() throws IOException {
        String snippet = snippets("Use Bridle in your own project", "java").get(0);
        String source = read(ROOT.resolve("example-bots/src/test/java/dev/bridle/examples/EmbeddingSnippets.java"));
        Matcher marked = Pattern.compile("// README: [a-z ]+\\n(.*?)        // README: end", Pattern.DOTALL)
                .matcher(source);
        List<String> bodies = new ArrayList<>();
        while (marked.find()) {
            bodies.add(marked.group(1)
                    .lines()
                    .map(line -> line.startsWith("        ") ? line.substring(8) : line)
                    .collect(java.util.stream.Collectors.joining("\n", "", "\n")));
        }

        assertThat(bodies).hasSize(2);
        assertThat(snippet).as("the README's builders").contains(bodies.get(0)).contains(bodies.get(1));
        assertThat(EmbeddingSnippets.inCode("ck", "cs", "at", "ats").plan())
                .as("the plan the README's builder makes")
                .anyMatch(step -> step.contains("throttle"));
    }

    @Test
    void theWritingABotConfigurationIsTheShippedOne() throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        JsonNode shown = yaml.readTree(snippets("Writing a bot", "yaml").get(0))
                .get("bots")
                .get(0);
        JsonNode shipped = StreamSupport.stream(
                        yaml.readTree(ROOT.resolve("config/bridle.yaml").toFile())
                                .get("bots")
                                .spliterator(),
                        false)
                .filter(bot -> bot.get("name").asText().equals(shown.get("name").asText()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("config/bridle.yaml has no bot named " + shown.get("name")));

        assertThat(shipped)
                .as("the shipped entry for bot %s", shown.get("name"))
                .isEqualTo(shown);
    }

    /** The fenced blocks of {@code language} in the README section headed {@code heading}, in order. */
    private static List<String> snippets(String heading, String language) throws IOException {
        String readme = read(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## " + heading + "\n");
        assertThat(start).as("README section '%s'", heading).isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Matcher fence = FENCE.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        List<String> found = new ArrayList<>();
        while (fence.find()) {
            if (fence.group(1).equals(language)) {
                found.add(fence.group(2));
            }
        }
        assertThat(found)
                .as("%s blocks in README section '%s'", language, heading)
                .isNotEmpty();
        return found;
    }

    private static String read(Path file) throws IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
