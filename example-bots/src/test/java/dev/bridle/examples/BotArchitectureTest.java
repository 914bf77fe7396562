package dev.bridle.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import dev.bridle.examples.fixtures.ConsentForgingBot;
import dev.bridle.examples.fixtures.SneakyBot;
import dev.bridle.testkit.BridleArchRules;
import org.junit.jupiter.api.Test;

/** The example bots reach the platform only through the SDK, and the rule really catches a bot that does not. */
class BotArchitectureTest {

    @Test
    void exampleBotsUseOnlyTheSdk() {
        JavaClasses bots = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bridle.examples");

        assertThat(bots.size()).isGreaterThanOrEqualTo(3);
        BridleArchRules.botsUseOnlyTheSdk("dev.bridle.examples").check(bots);
        BridleArchRules.NO_TWITTER4J.check(bots);
    }

    @Test
    void theRuleFailsForABotThatImportsTwitter4j() {
        JavaClasses sneaky = new ClassFileImporter().importClasses(SneakyBot.class);

        EvaluationResult result = BridleArchRules.BOTS_USE_ONLY_THE_SDK.evaluate(sneaky);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("twitter4j.TwitterFactory"));
        assertThat(BridleArchRules.NO_TWITTER4J.evaluate(sneaky).hasViolation()).isTrue();
    }

    /** The rule was a deny-list of some internal packages and let a bot call ConsentRegistry directly. */
    @Test
    void aBotThatReadsTheConsentStoreDirectlyIsRefused() {
        JavaClasses forging = new ClassFileImporter().importClasses(ConsentForgingBot.class);

        EvaluationResult result = BridleArchRules.BOTS_USE_ONLY_THE_SDK.evaluate(forging);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anySatisfy(d -> assertThat(d).contains("dev.bridle.internal.consent.ConsentRegistry"));
    }
}
