package dev.bridle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Term files given in code: used by the builder's checks as by the runtime, and checked like the file's. */
class BuilderTermFilesTest {

    @TempDir
    Path dir;

    @Test
    void termFilesGivenInCodeDecideTheChecks() throws Exception {
        Path sensitive = Files.writeString(
                dir.resolve("sensitive.yaml"),
                "version: 1\nextends: shipped\nlanguages:\n  en:\n    terms:\n      health: [zorbitis]\n");
        Path watch = Files.writeString(
                dir.resolve("watch.yaml"),
                "version: 1\nextends: shipped\nlanguages:\n  en:\n    sensitive_event: [zorbfest]\n");

        Bridle.Builder builder = Bridle.builder()
                .app("acme-bots-dev", "answering customers")
                .sensitiveTerms(sensitive)
                .watchTerms(watch);

        assertThat(builder.factCheck().classify("note", "has zorbitis").verdict())
                .isEqualTo("REFUSED");
        assertThat(builder.watchCheck().classify("zorbfest 2027").verdict()).isEqualTo("REFUSED");
        assertThat(Bridle.builder()
                        .app("acme-bots-dev", "answering customers")
                        .factCheck()
                        .classify("note", "has zorbitis")
                        .verdict())
                .isEqualTo("ALLOWED");
    }

    @Test
    void aTermFileThatIsNotThereIsAProblemOfTheConfiguration() {
        assertThatThrownBy(() -> Bridle.builder()
                        .app("acme-bots-dev", "answering customers")
                        .watchTerms(dir.resolve("nowhere.yaml"))
                        .factCheck())
                .hasMessageContaining("recognisers.watchTerms: there is no file");
    }
}
