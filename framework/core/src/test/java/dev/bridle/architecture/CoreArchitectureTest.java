package dev.bridle.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The framework's classes keep the shape {@link CoreArchitectureRules} describes. */
class CoreArchitectureTest {

    private static JavaClasses core;

    @BeforeAll
    static void importCore() {
        core = new ClassFileImporter().importPath(CoreClasses.location());
    }

    @Test
    void publicTypesLiveInPublicPackages() {
        CoreArchitectureRules.PUBLIC_TYPES_LIVE_IN_PUBLIC_PACKAGES.check(core);
    }

    @Test
    void publicSignaturesExposeNoInternalType() {
        CoreArchitectureRules.PUBLIC_SIGNATURES_EXPOSE_NO_INTERNAL_TYPE.check(core);
    }

    @Test
    void noPackageCycles() {
        CoreArchitectureRules.NO_PACKAGE_CYCLES.check(core);
    }

    @Test
    void twitter4jOnlyInTheAdapter() {
        CoreArchitectureRules.TWITTER4J_ONLY_IN_THE_ADAPTER.check(core);
    }

    @Test
    void rulesImportNoPlumbing() {
        CoreArchitectureRules.RULES_IMPORT_NO_PLUMBING.check(core);
    }

    @Test
    void theAdapterReportsThroughItsPort() {
        CoreArchitectureRules.THE_ADAPTER_REPORTS_THROUGH_ITS_PORT.check(core);
    }
}
