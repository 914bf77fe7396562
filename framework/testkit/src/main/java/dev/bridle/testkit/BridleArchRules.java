package dev.bridle.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
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
 * A bot reaches the platform only through {@code GuardedActions}; these rules fail the build when bot code uses
 * anything of Bridle but the SDK (twitter4j, the platform port, the stores, the internals).
 */
public final class BridleArchRules {

    /**
     * Of Bridle, bot code depends on the SDK ({@code dev.bridle.bot}) and nothing else: an allow-list, so a new
     * internal package is refused without anyone adding it here. For bots whose own code lives under
     * {@code dev.bridle}, see {@link #botsUseOnlyTheSdk(String)}.
     */
    public static final ArchRule BOTS_USE_ONLY_THE_SDK = botsUseOnlyTheSdk(null);

    /**
     * The rule of {@link #BOTS_USE_ONLY_THE_SDK} for bots whose own code lives in {@code ownPackage} (and its
     * subpackages) under {@code dev.bridle}, as Bridle's example bots do; they may use their own code freely.
     */
    public static ArchRule botsUseOnlyTheSdk(String ownPackage) {
        String own = ownPackage == null ? null : ownPackage + ".";
        return noClasses()
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "are Bridle code outside the SDK (dev.bridle.bot), or twitter4j",
                        (JavaClass c) -> c.getName().startsWith("twitter4j.")
                                || (c.getName().startsWith("dev.bridle.")
                                        && !c.getPackageName().equals("dev.bridle.bot")
                                        && (own == null || !c.getName().startsWith(own)))))
                .because("a bot reaches the platform and Bridle's stores only through the SDK, so every action is "
                        + "checked and recorded");
    }

    /** Bot code never touches twitter4j. */
    public static final ArchRule NO_TWITTER4J = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("twitter4j..")
            .because("twitter4j is used only inside Bridle's platform adapter");

    /** The SDK itself exposes nothing but itself, Java, SLF4J and the reason codes. */
    public static final ArchRule SDK_IS_SELF_CONTAINED = classes()
            .that()
            .resideInAPackage("dev.bridle.bot..")
            .should()
            .onlyDependOnClassesThat(DescribedPredicate.describe(
                    "the SDK, Java, SLF4J or the reason codes",
                    c -> c.getPackageName().startsWith("java.")
                            || c.getPackageName().startsWith("org.slf4j")
                            || c.getPackageName().startsWith("dev.bridle.bot")
                            || c.getName().equals("dev.bridle.bot.ReasonCode")
                            || c.getName().equals("dev.bridle.bot.Rule")))
            .because("bot authors see only the SDK; it must not leak the platform or the internals");

    private BridleArchRules() {}
}
