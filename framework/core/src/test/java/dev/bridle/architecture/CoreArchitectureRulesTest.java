package dev.bridle.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link CoreArchitectureRules} fails on a deliberate violation (the {@code archfixture} packages of the
 * tests), naming the class that breaks it: a rule that matched nothing would pass on the framework for no reason.
 */
class CoreArchitectureRulesTest {

    private static JavaClasses fixtures;

    @BeforeAll
    static void importFixtures() {
        fixtures = new ClassFileImporter()
                .importPackages(
                        "dev.bridle.archfixture",
                        "dev.bridle.internal.guard.archfixture",
                        "dev.bridle.internal.optout.archfixture",
                        "dev.bridle.internal.platform.twitter.archfixture",
                        "dev.bridle.internal.cli.archfixture");
    }

    private static String failure(ArchRule rule) {
        EvaluationResult result = rule.evaluate(fixtures);
        assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
        return result.getFailureReport().toString();
    }

    @Test
    void aPublicTypeInAnUnlistedPackageIsRefused() {
        assertThat(failure(CoreArchitectureRules.PUBLIC_TYPES_LIVE_IN_PUBLIC_PACKAGES))
                .contains("PublicTypeInAnUnlistedPackage is public in dev.bridle.archfixture");
    }

    @Test
    void anInternalTypeInAPublicSignatureIsRefused() {
        assertThat(failure(CoreArchitectureRules.PUBLIC_SIGNATURES_EXPOSE_NO_INTERNAL_TYPE))
                .contains("PublicTypeInAnUnlistedPackage .store() returns dev.bridle.internal.store.Database");
    }

    @Test
    void aPackageCycleIsRefused() {
        assertThat(failure(CoreArchitectureRules.NO_PACKAGE_CYCLES))
                .contains("archfixture.cycle.a")
                .contains("archfixture.cycle.b");
    }

    @Test
    void twitter4jOutsideTheAdapterIsRefused() {
        assertThat(failure(CoreArchitectureRules.TWITTER4J_ONLY_IN_THE_ADAPTER)).contains("ClientOutsideTheAdapter");
    }

    @Test
    void aRuleThatReadsTheRuntimeOrTheYamlIsRefused() {
        assertThat(failure(CoreArchitectureRules.RULES_IMPORT_NO_PLUMBING))
                .contains("GuardThatReadsTheRuntime")
                .contains("OptOutThatReadsYaml");
    }

    @Test
    void anAdapterThatFeedsTheThrottlesIsRefused() {
        assertThat(failure(CoreArchitectureRules.THE_ADAPTER_REPORTS_THROUGH_ITS_PORT))
                .contains("AdapterThatFeedsAThrottle");
    }

    @Test
    void aCommandThatOpensTheStoreIsRefused() {
        assertThat(failure(CoreArchitectureRules.THE_CLI_GOES_THROUGH_THE_PUBLIC_FACE))
                .contains("CommandThatOpensTheStore");
    }
}
