package dev.bridle.internal.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresServerTest {

    @TempDir
    Path dir;

    @Test
    void withoutAServerTheFailureSaysHowToInstallOne() {
        assertThatThrownBy(() -> PostgresServer.connect(Map.of(), dir))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no initdb and pg_ctl under " + dir + "/*/bin")
                .hasMessageContaining("apt-get install -y postgresql")
                .hasMessageContaining("BRIDLE_TEST_PG_URL")
                .hasMessageContaining("-Dbridle.test.postgres=skip");
    }

    @Test
    void version15IsPreferredOverNewerOnes() throws Exception {
        for (String version : new String[] {"14", "15", "16"}) {
            Path bin = Files.createDirectories(dir.resolve(version).resolve("bin"));
            for (String tool : new String[] {"initdb", "pg_ctl"}) {
                Files.createFile(bin.resolve(tool)).toFile().setExecutable(true);
            }
        }
        org.assertj.core.api.Assertions.assertThat(LocalPostgresCluster.findBin(dir))
                .hasValue(dir.resolve("15").resolve("bin"));
    }

    @Test
    void aBadUrlInTheEnvironmentIsNamed() {
        assertThatThrownBy(() -> PostgresServer.connect(Map.of("BRIDLE_TEST_PG_URL", "postgres://x"), dir))
                .hasMessage("BRIDLE_TEST_PG_URL must look like jdbc:postgresql://host:port/database, got postgres://x");
    }
}
