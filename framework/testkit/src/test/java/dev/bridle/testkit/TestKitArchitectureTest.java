package dev.bridle.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.bridle.testkit.fixture.KitThatReachesInside;
import org.junit.jupiter.api.Test;

/** The test kit is a user of Bridle like any other: it reaches only the public API, of Bridle and of the sandbox. */
class TestKitArchitectureTest {

    static final ArchRule THE_KIT_USES_ONLY_THE_PUBLIC_API = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.bridle.internal..", "dev.bridle.sandbox.internal..")
            .because("what the kit does for a test, a bot author's own test could do through the public API");

    @Test
    void theKitReachesOnlyThePublicApi() {
        JavaClasses kit = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bridle.testkit");
        assertThat(kit).isNotEmpty();
        THE_KIT_USES_ONLY_THE_PUBLIC_API.check(kit);
    }

    @Test
    void aKitClassThatReachesInsideIsRefused() {
        JavaClasses fixture = new ClassFileImporter().importClasses(KitThatReachesInside.class);

        assertThat(THE_KIT_USES_ONLY_THE_PUBLIC_API
                        .evaluate(fixture)
                        .getFailureReport()
                        .toString())
                .contains("KitThatReachesInside");
    }
}
