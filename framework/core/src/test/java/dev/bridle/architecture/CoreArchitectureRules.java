package dev.bridle.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shape of the framework, as rules: what is public, which way the packages depend, and where the platform's client
 * may appear. Each rule is checked on the framework's classes ({@link CoreArchitectureTest}) and shown to fail on a
 * deliberate violation ({@link CoreArchitectureRulesTest}), so a rule that stopped matching anything would be seen.
 */
final class CoreArchitectureRules {

    static final String INTERNAL = "dev.bridle.internal..";

    /** The packages a user of Bridle may see: an allow-list; everything else is under {@code dev.bridle.internal}. */
    static final Set<String> PUBLIC_PACKAGES = Set.of(
            "dev.bridle",
            "dev.bridle.bot",
            "dev.bridle.config",
            "dev.bridle.consent",
            "dev.bridle.guard",
            "dev.bridle.platform",
            "dev.bridle.audit",
            "dev.bridle.cli");

    /** The packages whose classes are the restricted-use rules and the send-side checks. */
    static final String[] RULE_PACKAGES = {
        "dev.bridle.internal.guard..",
        "dev.bridle.internal.optout..",
        "dev.bridle.internal.consent..",
        "dev.bridle.internal.dedupe..",
        "dev.bridle.internal.throttle..",
        "dev.bridle.internal.people..",
        "dev.bridle.internal.identity..",
        "dev.bridle.internal.aggregate..",
        "dev.bridle.internal.read..",
        "dev.bridle.internal.sensitive..",
        "dev.bridle.internal.watch.."
    };

    private CoreArchitectureRules() {}

    /** A public type lives in a public package, or under {@code dev.bridle.internal}. */
    static final ArchRule PUBLIC_TYPES_LIVE_IN_PUBLIC_PACKAGES = classes()
            .that()
            .arePublic()
            .and()
            .resideInAPackage("dev.bridle..")
            .and()
            .resideOutsideOfPackage(INTERNAL)
            .should(resideInOneOf(PUBLIC_PACKAGES))
            .because("the public face is an allow-list: a new package is internal unless it is added to it");

    /**
     * What a user can reach through a public type (its supertypes, its public and protected fields, methods and
     * constructors, with their type arguments) is never internal: a user could not name it without reaching inside.
     */
    static final ArchRule PUBLIC_SIGNATURES_EXPOSE_NO_INTERNAL_TYPE = classes()
            .that()
            .arePublic()
            .and()
            .resideInAPackage("dev.bridle..")
            .and()
            .resideOutsideOfPackage(INTERNAL)
            .should(exposeNoInternalType())
            .because("an internal type in a public signature makes the internals part of the public API");

    /** No two packages depend on each other, directly or round a cycle. */
    static final ArchRule NO_PACKAGE_CYCLES = slices().matching("dev.bridle.(**)")
            .should()
            .beFreeOfCycles()
            .because("a cycle makes two packages one, which neither package's name says");

    /** twitter4j appears in the platform adapter and nowhere else. */
    static final ArchRule TWITTER4J_ONLY_IN_THE_ADAPTER = noClasses()
            .that()
            .resideOutsideOfPackage("dev.bridle.internal.platform.twitter..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("twitter4j..")
            .because("the twitter4j adapter is the one place that speaks to the platform's client");

    /** The rules know neither the plumbing that feeds them (runtime, inbound) nor the adapter nor the YAML model. */
    static final ArchRule RULES_IMPORT_NO_PLUMBING = noClasses()
            .that()
            .resideInAnyPackage(RULE_PACKAGES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.bridle.internal.runtime..",
                    "dev.bridle.internal.inbound..",
                    "dev.bridle.internal.platform..",
                    "dev.bridle.internal.yaml..",
                    "dev.bridle.internal.config..",
                    "dev.bridle.internal.cli..")
            .because("a rule decides on what it is given; who feeds it, how the platform answers and how the"
                    + " operator wrote the configuration are other packages' business");

    /** The adapter reports what the platform says through the platform port, never into the rules. */
    static final ArchRule THE_ADAPTER_REPORTS_THROUGH_ITS_PORT = noClasses()
            .that()
            .resideInAPackage("dev.bridle.internal.platform..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(RULE_PACKAGES)
            .because("the adapter speaks for the platform; rate limits reach the throttles through RateLimitFeedback");

    /** The CLI goes through {@code Bridle} and the public packages, not into stores and rules. */
    static final ArchRule THE_CLI_GOES_THROUGH_THE_PUBLIC_FACE = noClasses()
            .that()
            .resideInAnyPackage("dev.bridle.cli..", "dev.bridle.internal.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.bridle.internal.store..", "dev.bridle.internal.audit..", "dev.bridle.internal.runtime..")
            .orShould()
            .dependOnClassesThat()
            .resideInAnyPackage(RULE_PACKAGES)
            .because("what an operator does from the command line, an embedding application can do through Bridle");

    private static ArchCondition<JavaClass> resideInOneOf(Set<String> packages) {
        return new ArchCondition<>("reside in one of " + packages) {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                if (!packages.contains(c.getPackageName())) {
                    events.add(SimpleConditionEvent.violated(
                            c,
                            c.getName() + " is public in " + c.getPackageName() + ", which is not a public package"));
                }
            }
        };
    }

    private static ArchCondition<JavaClass> exposeNoInternalType() {
        return new ArchCondition<>("expose no type of dev.bridle.internal") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Stream.concat(
                                c.getRawSuperclass().stream()
                                        .map(s -> c.getSuperclass().orElseThrow()),
                                c.getInterfaces().stream().map(i -> (JavaType) i))
                        .forEach(t -> report(c, "extends or implements", t, events));
                for (JavaField f : c.getFields()) {
                    if (visible(f.getModifiers())) {
                        report(c, "field " + f.getName(), f.getType(), events);
                    }
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (!visible(u.getModifiers()) || u.getName().startsWith("lambda$")) {
                        continue;
                    }
                    String where = u.getFullName().substring(c.getName().length());
                    report(c, where + " returns", u.getReturnType(), events);
                    u.getParameterTypes().forEach(p -> report(c, where + " takes", p, events));
                }
            }
        };
    }

    private static boolean visible(Set<JavaModifier> modifiers) {
        return modifiers.contains(JavaModifier.PUBLIC) || modifiers.contains(JavaModifier.PROTECTED);
    }

    private static void report(JavaClass owner, String where, JavaType type, ConditionEvents events) {
        for (JavaClass raw : type.getAllInvolvedRawTypes()) {
            if (raw.getPackageName().startsWith("dev.bridle.internal")) {
                events.add(SimpleConditionEvent.violated(
                        owner, owner.getName() + where.replaceFirst("^", " ") + " " + raw.getName()));
            }
        }
    }
}
