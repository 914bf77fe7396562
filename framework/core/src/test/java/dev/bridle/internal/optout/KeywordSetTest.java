package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bridle.internal.config.KeywordFileException;
import dev.bridle.internal.config.KeywordFileReader;
import dev.bridle.internal.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeywordSetTest {

    private static final String REPLIES = """
                replies:
                  opt_out: "Unsubscribed. Reply START to opt back in."
                  opt_in: "Subscribed."
                  help: "Reply STOP to stop."
                  ambiguous: "Reply STOP to confirm."
            """;

    private static List<String> problems(String yaml) {
        KeywordFileException e =
                catchThrowableOfType(KeywordFileException.class, () -> KeywordFileReader.parse(yaml, "k.yaml"));
        assertThat(e).as("expected the file to be refused").isNotNull();
        return e.problems().stream().map(YamlProblem::toString).toList();
    }

    @Test
    void theShippedKeywordsLoadAndCoverSixLanguages() {
        KeywordSet defaults = KeywordFileReader.defaults();

        assertThat(defaults.languages()).containsExactly("en", "es", "fr", "de", "pt", "it");
        assertThat(defaults.settings()).isEqualTo(new KeywordSettings(true, true, 6, 60, "en"));
        assertThat(defaults.version()).hasSize(12);
        assertThat(defaults.languages())
                .allSatisfy(l -> assertThat(defaults.replies(l).language()).isEqualTo(l));
        assertThat(defaults.summary()).startsWith("6 languages (en, es, fr, de, pt, it), ");
    }

    /** It checked nothing when the file was missing: the check sat inside {@code if (Files.exists(config))}. */
    @Test
    void theShippedFileIsTheOneInConfigAndAMissingFileFailsTheTest() throws IOException {
        Path config = Path.of("../../config/optout-keywords.yaml");
        assertThat(config)
                .as("the repository's config/optout-keywords.yaml, from framework/core")
                .isRegularFile();
        assertThat(KeywordFileReader.load(config).version())
                .isEqualTo(KeywordFileReader.defaults().version());
    }

    @Test
    void theVersionFollowsTheContent() {
        String yaml = "languages:\n  en:\n    opt_out: [stop]\n    opt_in: [start]\n" + REPLIES;
        assertThat(KeywordFileReader.parse(yaml, "a").version())
                .isEqualTo(KeywordFileReader.parse(yaml, "b").version());
        assertThat(KeywordFileReader.parse(yaml + "# edited\n", "a").version())
                .isNotEqualTo(KeywordFileReader.parse(yaml, "a").version());
    }

    @Test
    void aWordCanMeanOneThingOnlyAcrossLanguages() {
        assertThat(problems("""
                languages:
                  en:
                    opt_out: [stop]
                    opt_in: [start]
                    filler: [please]
                """ + REPLIES + """
                  fr:
                    opt_in: [stop]
                    opt_out: [please]
                """))
                .containsExactly(
                        "k.yaml:12:14: languages.fr.opt_in[0]: \"stop\" is an opt_in keyword here, but en lists it as an opt_out"
                                + " keyword on line 3; a word can mean one thing only",
                        "k.yaml:13:15: languages.fr.opt_out[0]: \"please\" is an opt_out keyword here, but en lists it as filler"
                                + " on line 5; a word can mean one thing only");
    }

    @Test
    void lookAlikeSpellingsAreTheSameWord() {
        assertThat(problems("""
                languages:
                  en:
                    opt_out: [stop]
                    opt_in: [start, ＳＴＯＰ]
                """ + REPLIES)).singleElement().asString().contains("\"stop\" is an opt_in keyword here");
    }

    @Test
    void anOrdinaryEntryMustAddWordsToAKeyword() {
        assertThat(problems("""
                languages:
                  en:
                    opt_out: [stop]
                    opt_in: [start]
                    ordinary: [Stop]
                """ + REPLIES))
                .singleElement()
                .asString()
                .startsWith("k.yaml:5:16: languages.en.ordinary[0]: \"stop\" is exactly an opt-out keyword");
    }

    @Test
    void repliesMustSayHowToComeBackAndHowToConfirm() {
        assertThat(problems("""
                languages:
                  en:
                    opt_out: [stop]
                    opt_in: [start]
                    replies:
                      opt_out: "You're unsubscribed."
                      opt_in: "Subscribed."
                      help: "Help text."
                      ambiguous: "Did you mean it?"
                """))
                .containsExactly(
                        "k.yaml:6:16: languages.en.replies.opt_out: must say how to opt back in: name one of the opt_in keywords"
                                + " (like \"start\")",
                        "k.yaml:9:18: languages.en.replies.ambiguous: must say how to confirm the opt-out: name one of the opt_out"
                                + " keywords (like \"stop\")");
    }

    @Test
    void repliesAreShortAndAdvertiseNothing() {
        String longText = "Reply START to come back. " + "x".repeat(300);
        assertThat(problems("""
                languages:
                  en:
                    opt_out: [stop]
                    opt_in: [start]
                    replies:
                      opt_out: "%s"
                      opt_in: "Subscribed! Follow @acme for deals #sale"
                      help: "Help: https://example.com/help"
                      ambiguous: "Reply STOP to confirm."
                """.formatted(longText)))
                .containsExactly(
                        "k.yaml:6:16: languages.en.replies.opt_out: is 326 characters long as X counts them; expected at most 280",
                        "k.yaml:7:15: languages.en.replies.opt_in: contains a link, hashtag or mention; the opt_in reply confirms"
                                + " and says nothing else (no marketing)");
    }

    @Test
    void theDefaultLanguageNeedsAllFourReplies() {
        assertThat(problems("""
                settings:
                  default_language: fr
                languages:
                  en:
                    opt_out: [stop]
                """ + REPLIES + """
                  fr:
                    opt_out: [arret]
                """))
                .containsExactly(
                        "k.yaml:12:5: languages.fr.replies: missing opt_out, opt_in, help, ambiguous; the default language needs"
                                + " all four replies (opt_out, opt_in, help, ambiguous), which other languages fall back on");
        assertThat(problems("settings:\n  default_language: de\nlanguages:\n  en:\n    opt_out: [stop]\n" + REPLIES))
                .containsExactly(
                        "k.yaml:2:21: settings.default_language: 'de' has no block under languages:; expected one of [en]");
    }

    @Test
    void yamlMistakesNameTheirLine() {
        assertThat(problems("")).containsExactly("k.yaml: the file is empty; expected settings: and languages:");
        assertThat(problems("- stop\n"))
                .containsExactly("k.yaml:1:1: expected a mapping with settings: and languages:, found a list");
        assertThat(problems("settings: {}\n"))
                .containsExactly("k.yaml:1:1: missing languages:; expected at least one language with its keywords");
        assertThat(problems(
                        "languages:\n  en:\n    opt_out: [stop]\n    opt_out: [quit]\n    opt_in: [start]\n" + REPLIES))
                .containsExactly(
                        "k.yaml:4:5: languages.en.opt_out: duplicate key, already set on line 3; write each key once");
        assertThat(problems("languages:\n  en:\n    opt_out: &k [stop]\n    opt_in: *k\n" + REPLIES))
                .contains(
                        "k.yaml:4:13: languages.en.opt_in: the alias *k is not supported; write the value out in full");
        assertThat(problems("languages:\n  en:\n    opt_out: [stop\n"))
                .singleElement()
                .asString()
                .startsWith("k.yaml:3:19: not valid YAML: expected ',' or ']', but got <stream end>");
        assertThat(problems(
                        "languages:\n  en:\n    optout: [stop]\n    opt_out: [stop]\n    opt_in: [start]\n" + REPLIES))
                .singleElement()
                .asString()
                .startsWith("k.yaml:3:5: languages.en.optout: unknown key; expected one of [filler, help, negations,");
    }

    /** The keyword file used to read only its first document: keywords after a "---" were silently not in force. */
    @Test
    void aSecondDocumentIsRefusedNotIgnored() {
        assertThat(problems("languages:\n  en:\n    opt_out: [stop]\n    opt_in: [start]\n" + REPLIES
                        + "---\nlanguages:\n  fr:\n    opt_out: [arret]\n"))
                .containsExactly(
                        "k.yaml:11:1: a second YAML document starts here; keep the whole keyword file in one document");
    }

    @Test
    void aFileThatCannotBeReadSaysWhy(@TempDir Path dir) throws IOException {
        assertThatThrownBy(() -> KeywordFileReader.load(dir.resolve("missing.yaml")))
                .isInstanceOf(KeywordFileException.class)
                .hasMessageEndingWith("missing.yaml: no such file; expected a keyword file (the shipped one is"
                        + " config/optout-keywords.yaml)");
        Path latin1 = dir.resolve("latin1.yaml");
        Files.write(latin1, new byte[] {'a', ':', ' ', (byte) 0xE9, '\n'});
        assertThatThrownBy(() -> KeywordFileReader.load(latin1))
                .hasMessageEndingWith("not UTF-8 text; save the file as UTF-8");
    }
}
