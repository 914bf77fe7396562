package dev.bridle.internal.guard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.config.Environment;
import dev.bridle.guard.Verdict;
import dev.bridle.internal.runtime.Requests;
import org.junit.jupiter.api.Test;

class EnvironmentGuardTest {

    private static String denial(EnvironmentGuard guard) {
        Verdict v = guard.check(Requests.post("hi"));
        return v instanceof Verdict.Deny d ? d.code() + ": " + d.message() : "allowed";
    }

    @Test
    void anAppActsInTheEnvironmentItsNameDeclares() {
        assertThat(denial(new EnvironmentGuard("acme-bots-dev", Environment.DEV)))
                .isEqualTo("allowed");
        assertThat(denial(new EnvironmentGuard("acme_staging", Environment.STAGING)))
                .isEqualTo("allowed");
        assertThat(denial(new EnvironmentGuard("Acme Prod", Environment.PROD))).isEqualTo("allowed");
    }

    @Test
    void aDevOrStagingAppRefusesProdAndTheReverse() {
        assertThat(denial(new EnvironmentGuard("acme-bots-dev", Environment.PROD)))
                .isEqualTo("ENVIRONMENT_MISMATCH: app 'acme-bots-dev' is a dev app but is running as prod");
        assertThat(denial(new EnvironmentGuard("acme-staging", Environment.PROD)))
                .startsWith("ENVIRONMENT_MISMATCH");
        assertThat(denial(new EnvironmentGuard("acme-prod", Environment.DEV))).startsWith("ENVIRONMENT_MISMATCH");
    }

    @Test
    void anAppNameThatDeclaresNoEnvironmentIsDenied() {
        assertThat(denial(new EnvironmentGuard("acme-bots", Environment.DEV)))
                .isEqualTo(
                        "ENVIRONMENT_MISMATCH: app name 'acme-bots' does not say which environment it is for (dev, staging or prod)");
    }

    @Test
    void environmentLabelsAreWholeWords() {
        assertThat(Environment.declaredBy("acme-bots-dev")).contains(Environment.DEV);
        assertThat(Environment.declaredBy("devotion-bots")).isEmpty();
        assertThat(Environment.declaredBy("acme-dev-prod"))
                .as("two labels is no label")
                .isEmpty();
        assertThat(Environment.declaredBy("ACME.PRODUCTION")).contains(Environment.PROD);
    }
}
