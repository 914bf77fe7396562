package dev.bridle.internal.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.yaml.YamlNode.Location;
import dev.bridle.internal.yaml.YamlNode.YamlList;
import dev.bridle.internal.yaml.YamlNode.YamlMap;
import dev.bridle.internal.yaml.YamlNode.YamlScalar;
import dev.bridle.internal.yaml.YamlNode.YamlScalar.Kind;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class YamlReaderTest {

    private static final YamlReader.Hints HINTS =
            new YamlReader.Hints("syntax hint", "duplicate hint", "alias hint", "document hint", Kind.STRING);

    private final Problems problems = new Problems("f.yaml");

    private Optional<YamlNode> read(String yaml, YamlReader.Hints hints) {
        return new YamlReader(problems, hints).read(yaml);
    }

    private List<String> problems() {
        return problems.inFileOrder().stream().map(YamlProblem::toString).toList();
    }

    @Test
    void everyNodeAndKeyKeepsWhereItWasWritten() {
        YamlMap root = (YamlMap) read("a: 1\nb:\n  - x\n  - {c: yes}\n", HINTS).orElseThrow();

        assertThat(root.location()).isEqualTo(new Location(1, 1));
        assertThat(root.entries().get("b").keyLocation()).isEqualTo(new Location(2, 1));
        YamlList list = (YamlList) root.entries().get("b").value();
        assertThat(list.items().get(1).location()).isEqualTo(new Location(4, 5));
        YamlScalar yes =
                (YamlScalar) ((YamlMap) list.items().get(1)).entries().get("c").value();
        assertThat(yes).isEqualTo(new YamlScalar(new Location(4, 9), Kind.TRUE, "yes"));
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void aScalarSaysWhatYamlMadeOfIt() {
        YamlList list = (YamlList) read("[3, 1.5, no, ~, \"3\", x]", HINTS).orElseThrow();

        assertThat(list.items())
                .extracting(YamlNode::describe)
                .containsExactly(
                        "the number 3",
                        "the number 1.5",
                        "the boolean no",
                        "nothing",
                        "the text \"3\"",
                        "the text \"x\"");
        assertThat(list.describe()).isEqualTo("a list");
        assertThat(read("{}", HINTS).orElseThrow().describe()).isEqualTo("a mapping");
    }

    @Test
    void yamlMistakesAreProblemsWithThePathAndTheFilesHint() {
        read("a: 1\nb: {c: &x 2, d: *x}\na: 3\n---\nz: 1\n", HINTS);

        assertThat(problems())
                .containsExactly(
                        "f.yaml:2:17: b.d: the alias *x is not supported; alias hint",
                        "f.yaml:3:1: a: duplicate key, already set on line 1; duplicate hint",
                        "f.yaml:5:1: a second YAML document starts here; document hint");
    }

    @Test
    void textThatIsNotYamlLeavesNoTree() {
        assertThat(read("a: [1\nb: 2\n", HINTS)).isEmpty();
        assertThat(problems())
                .singleElement()
                .asString()
                .startsWith("f.yaml:2:2: not valid YAML: ")
                .endsWith("; syntax hint");
    }

    @Test
    void anEmptyDocumentLeavesNoTreeAndNoProblem() {
        assertThat(read("# only a comment\n", HINTS)).isEmpty();
        assertThat(problems.isEmpty()).isTrue();
    }

    @Test
    void anAliasReadsAsTheStandInTheFileChose() {
        YamlReader.Hints asNothing = new YamlReader.Hints("s", "d", "a", "m", Kind.NULL);
        YamlMap asText = (YamlMap) read("a: &x [1]\nb: *x\n", HINTS).orElseThrow();
        YamlMap asNull = (YamlMap) read("a: &x [1]\nb: *x\n", asNothing).orElseThrow();

        assertThat(asText.entries().get("b").value()).isEqualTo(new YamlScalar(new Location(2, 4), Kind.STRING, "x"));
        assertThat(((YamlScalar) asNull.entries().get("b").value()).isNull()).isTrue();
    }

    @Test
    void pathsNameKeysAndIndexes() {
        assertThat(DocPath.key("", "bots")).isEqualTo("bots");
        assertThat(DocPath.key(DocPath.index("bots", 1), "schedule")).isEqualTo("bots[1].schedule");
    }
}
