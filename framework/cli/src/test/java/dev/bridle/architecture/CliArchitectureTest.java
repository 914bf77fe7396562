package dev.bridle.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.bridle.cli.Main;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The command line's classes keep core's rules: it goes through the public face, and twitter4j stays in the adapter.
 */
class CliArchitectureTest {

    private static JavaClasses cli;

    @BeforeAll
    static void importCli() {
        cli = new ClassFileImporter().importPath(CoreClasses.locationOf(Main.class));
    }

    @Test
    void theCliGoesThroughThePublicFace() {
        CoreArchitectureRules.THE_CLI_GOES_THROUGH_THE_PUBLIC_FACE.check(cli);
    }

    @Test
    void twitter4jOnlyInTheAdapter() {
        CoreArchitectureRules.TWITTER4J_ONLY_IN_THE_ADAPTER.check(cli);
    }

    @Test
    void publicTypesLiveInPublicPackages() {
        CoreArchitectureRules.PUBLIC_TYPES_LIVE_IN_PUBLIC_PACKAGES.check(cli);
    }
}
