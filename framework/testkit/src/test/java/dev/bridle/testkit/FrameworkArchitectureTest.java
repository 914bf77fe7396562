package dev.bridle.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.bridle.internal.runtime.ActionDispatcher;
import dev.bridle.platform.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The framework's own seams: the SDK leaks nothing, and only the dispatcher can send. */
class FrameworkArchitectureTest {

    private static JavaClasses framework;

    @BeforeAll
    static void importFramework() {
        framework = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bridle");
    }

    @Test
    void theSdkExposesOnlyItself() {
        BridleArchRules.SDK_IS_SELF_CONTAINED.check(framework);
    }

    @Test
    void onlyThePlatformAdapterImportsTwitter4j() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.bridle.internal.platform.twitter..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("twitter4j..")
                .because("the twitter4j adapter is the one place that speaks to the platform's client")
                .check(framework);
    }

    @Test
    void onlyTheDispatcherSendsActions() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(ActionDispatcher.class.getName())
                .and()
                .resideOutsideOfPackage("dev.bridle.platform..")
                .should()
                .callMethod(Platform.class, "perform", dev.bridle.guard.ActionRequest.class)
                .because("every action passes the guard chain and the ledger in ActionDispatcher before it is sent")
                .check(framework);
    }
}
