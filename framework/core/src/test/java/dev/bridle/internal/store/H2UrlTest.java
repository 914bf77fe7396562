package dev.bridle.internal.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class H2UrlTest {

    @Test
    void theDefaultUrlGetsEveryRequiredSetting() {
        assertThat(H2Url.parse("jdbc:h2:file:./data/bridle").withRequiredSettings())
                .isEqualTo("jdbc:h2:retry:file:./data/bridle;" + Database.H2_SETTINGS);
    }

    @Test
    void aLocalFileIsOpenedThroughTheRetryFileSystemOnce() {
        assertThat(H2Url.parse("jdbc:h2:./data/bridle").withRequiredSettings())
                .startsWith("jdbc:h2:retry:./data/bridle;");
        assertThat(H2Url.parse("jdbc:h2:retry:file:/x/db").withRequiredSettings())
                .startsWith("jdbc:h2:retry:file:/x/db;");
        assertThat(H2Url.parse("jdbc:h2:retry:file:/x/db").fileDirectory()).hasValue(Path.of("/x"));
        assertThat(H2Url.parse("jdbc:h2:mem:test").withRequiredSettings()).startsWith("jdbc:h2:mem:test;");
        assertThat(H2Url.parse("jdbc:h2:tcp://localhost/~/test").withRequiredSettings())
                .startsWith("jdbc:h2:tcp://localhost/~/test;");
    }

    @Test
    void settingsTheUrlAlreadyHasAreKept() {
        assertThat(H2Url.parse("jdbc:h2:file:/x/db;mode=postgresql;CIPHER=AES").withRequiredSettings())
                .startsWith("jdbc:h2:retry:file:/x/db;MODE=postgresql;CIPHER=AES;DATABASE_TO_LOWER=TRUE;");
    }

    @Test
    void aConflictingSettingIsRefusedByName() {
        assertThatThrownBy(() -> H2Url.parse("jdbc:h2:file:/x/db;MODE=MySQL").withRequiredSettings())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("store URL sets MODE=MySQL but Bridle's schema needs MODE=PostgreSQL");
    }

    @Test
    void theFileDirectoryIsTheParentOfTheDatabaseName() {
        assertThat(H2Url.parse("jdbc:h2:file:/var/lib/bridle/db;MODE=PostgreSQL")
                        .fileDirectory())
                .hasValue(Path.of("/var/lib/bridle"));
        assertThat(H2Url.parse("jdbc:h2:./data/bridle").fileDirectory())
                .hasValue(Path.of("data").toAbsolutePath());
        assertThat(H2Url.parse("jdbc:h2:~/bridle").fileDirectory()).hasValue(Path.of(System.getProperty("user.home")));
    }

    @Test
    void memoryAndServerUrlsHaveNoLocalDirectory() {
        assertThat(H2Url.parse("jdbc:h2:mem:test").fileDirectory()).isEmpty();
        assertThat(H2Url.parse("jdbc:h2:tcp://localhost/~/test").fileDirectory())
                .isEmpty();
    }
}
