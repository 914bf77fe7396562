package dev.bridle.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.internal.optout.KeywordSet;
import dev.bridle.internal.optout.MessageClass;
import dev.bridle.sandbox.MutableClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Edits take effect without a restart; a bad edit never replaces working keywords. */
class KeywordFileTest {

    private static final String REPLIES = """
                replies:
                  opt_out: "Unsubscribed. Reply START to opt back in."
                  opt_in: "Subscribed."
                  help: "Reply STOP to stop."
                  ambiguous: "Reply STOP to confirm."
            """;
    private static final String GOOD = "languages:\n  en:\n    opt_out: [stop]\n    opt_in: [start]\n" + REPLIES;
    private static final String WITH_HALT =
            "languages:\n  en:\n    opt_out: [stop, halt]\n    opt_in: [start]\n" + REPLIES;
    private static final String BROKEN =
            "languages:\n  en:\n    opt_out: [stop, halt]\n    opt_in: [start, stop]\n" + REPLIES;

    @TempDir
    Path dir;

    private Path path;
    private final MutableClock clock = MutableClock.at(Instant.parse("2025-06-01T10:00:00Z"));
    private final List<String> events = new ArrayList<>();
    private KeywordFile file;

    @BeforeEach
    void open() throws IOException {
        path = dir.resolve("optout-keywords.yaml");
        Files.writeString(path, GOOD);
        file = KeywordFile.open(path, clock, Duration.ofSeconds(2));
        file.addListener(new KeywordFile.Listener() {
            @Override
            public void reloaded(KeywordSet previous, KeywordSet current) {
                events.add("reloaded " + previous.version() + " -> " + current.version());
            }

            @Override
            public void rejected(KeywordFileException error, KeywordSet kept) {
                events.add("rejected, kept " + kept.version() + ": "
                        + error.problems().get(0).line());
            }
        });
    }

    @Test
    void anEditTakesEffectWithoutARestart() throws IOException {
        assertThat(file.classify("halt").messageClass()).isEqualTo(MessageClass.NONE);
        String before = file.current().version();

        Files.writeString(path, WITH_HALT);

        assertThat(file.reloadIfChanged()).isEqualTo(KeywordFile.Outcome.RELOADED);
        assertThat(file.matcher().classify("halt").rule()).isEqualTo("en.opt_out.keyword:halt");
        assertThat(events)
                .containsExactly("reloaded " + before + " -> " + file.current().version());
        assertThat(file.lastError()).isEmpty();
    }

    @Test
    void aBrokenEditKeepsTheWorkingKeywordsAndReportsTheLineOnce() throws IOException {
        KeywordSet working = file.current();

        Files.writeString(path, BROKEN);

        assertThat(file.reloadIfChanged()).isEqualTo(KeywordFile.Outcome.REJECTED);
        assertThat(file.current()).isSameAs(working);
        assertThat(file.classify("stop").messageClass()).isEqualTo(MessageClass.OPT_OUT);
        assertThat(file.lastError())
                .hasValueSatisfying(e -> assertThat(e.getMessage())
                        .contains(path
                                + ":4:21: languages.en.opt_in[1]: \"stop\" is an opt_in keyword "
                                + "here, but en lists it as an opt_out keyword on line 3"));
        assertThat(events).containsExactly("rejected, kept " + working.version() + ": 4");

        assertThat(file.reloadIfChanged())
                .as("the same bad content is not reported again")
                .isEqualTo(KeywordFile.Outcome.UNCHANGED);
        assertThat(events).hasSize(1);

        Files.writeString(path, WITH_HALT);
        assertThat(file.reloadIfChanged()).isEqualTo(KeywordFile.Outcome.RELOADED);
        assertThat(file.classify("halt").messageClass()).isEqualTo(MessageClass.OPT_OUT);
        assertThat(file.lastError()).isEmpty();
    }

    @Test
    void undoingABrokenEditClearsTheError() throws IOException {
        Files.writeString(path, BROKEN);
        file.reloadIfChanged();

        Files.writeString(path, GOOD);

        assertThat(file.reloadIfChanged()).isEqualTo(KeywordFile.Outcome.UNCHANGED);
        assertThat(file.lastError()).isEmpty();
    }

    @Test
    void aDeletedFileKeepsTheWorkingKeywords() throws IOException {
        KeywordSet working = file.current();
        Files.delete(path);

        assertThat(file.reloadIfChanged()).isEqualTo(KeywordFile.Outcome.REJECTED);
        assertThat(file.current()).isSameAs(working);
        assertThat(file.lastError())
                .hasValueSatisfying(e -> assertThat(e.getMessage()).contains("no such file"));
        assertThat(file.reloadIfChanged()).isEqualTo(KeywordFile.Outcome.UNCHANGED);
    }

    @Test
    void pollChecksTheFileAtMostOncePerIntervalOnTheClock() throws IOException {
        Files.writeString(path, WITH_HALT);

        assertThat(file.poll()).isEqualTo(KeywordFile.Outcome.UNCHANGED);
        assertThat(file.classify("halt").messageClass()).as("not checked yet").isEqualTo(MessageClass.NONE);

        clock.advance(Duration.ofSeconds(2));
        assertThat(file.classify("halt").messageClass()).isEqualTo(MessageClass.OPT_OUT);
        assertThat(events).hasSize(1);

        Files.writeString(path, GOOD);
        clock.advance(Duration.ofMillis(1999));
        assertThat(file.poll()).isEqualTo(KeywordFile.Outcome.UNCHANGED);
        clock.advance(Duration.ofMillis(1));
        assertThat(file.poll()).isEqualTo(KeywordFile.Outcome.RELOADED);
    }

    @Test
    void aFileThatIsInvalidAtStartFailsClosed() throws IOException {
        Files.writeString(path, BROKEN);

        assertThatThrownBy(() -> KeywordFile.open(path, clock))
                .isInstanceOf(KeywordFileException.class)
                .hasMessageContaining(path + ":4:21:");
    }
}
