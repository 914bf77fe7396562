package dev.bridle.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;

/**
 * Architecture rules for bot code, to run in your own tests with ArchUnit:
 *
 * <pre>{@code
 * @Test void botsUseOnlyTheSdk() {
 *     JavaClasses bots = new ClassFileImporter().importPackages("com.acme.bots");
 *     BridleArchRules.BOTS_USE_ONLY_THE_SDK.check(bots);
 * }
 * }</pre>
 *
 * A bot reaches the platform only through {@code GuardedActions}; these rules fail the build
 * when bot code imports twitter4j, the platform port or any of Bridle's internals.
 */
public final class BridleArchRules {

    /** Bot code depends on nothing of Bridle but the SDK ({@code dev.bridle.bot}) and the reason codes. */
    public static final ArchRule BOTS_USE_ONLY_THE_SDK = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("twitter4j..", "dev.bridle.platform..", "dev.bridle.internal.runtime..",
                    "dev.bridle.internal.store..", "dev.bridle.audit..", "dev.bridle.internal.schedule..", "dev.bridle.internal.config..",
                    "dev.bridle.cli..", "dev.bridle.sandbox..", "dev.bridle.guard..")
            .because("a bot reaches the platform only through GuardedActions, so every action is checked and recorded");

    /** Bot code never touches twitter4j. */
    public static final ArchRule NO_TWITTER4J = noClasses()
            .should().dependOnClassesThat().resideInAPackage("twitter4j..")
            .because("twitter4j is used only inside Bridle's platform adapter");

    /** The SDK itself exposes nothing but itself, Java, SLF4J and the reason codes. */
    public static final ArchRule SDK_IS_SELF_CONTAINED = classes()
            .that().resideInAPackage("dev.bridle.bot..")
            .should().onlyDependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "the SDK, Java, SLF4J or the reason codes",
                    c -> c.getPackageName().startsWith("java.")
                            || c.getPackageName().startsWith("org.slf4j")
                            || c.getPackageName().startsWith("dev.bridle.bot")
                            || c.getName().equals("dev.bridle.bot.ReasonCode")
                            || c.getName().equals("dev.bridle.bot.Rule")))
            .because("bot authors see only the SDK; it must not leak the platform or the internals");

    private BridleArchRules() {
    }
}
