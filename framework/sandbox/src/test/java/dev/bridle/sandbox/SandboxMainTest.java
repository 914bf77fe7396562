package dev.bridle.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The standalone entry point prints where it listens and the credentials to use. */
class SandboxMainTest {

    @Test
    void printsUrlsAndCredentials() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (SandboxMain.Launched launched = SandboxMain.launch(
                new String[] {"--port", "0", "--seed", "7", "--account", "acme_news"},
                new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
            Sandbox sandbox = launched.sandbox();
            String out = buffer.toString(StandardCharsets.UTF_8);

            assertThat(out)
                    .contains("Bridle sandbox listening on " + sandbox.baseUrl())
                    .contains("admin: " + sandbox.adminUrl())
                    .contains("consumer key:        " + sandbox.app().consumerKey())
                    .contains("consumer secret:     " + sandbox.app().consumerSecret())
                    .contains("Account @acme_news (user id "
                            + sandbox.account("acme_news").userId() + ")")
                    .contains("access token secret: "
                            + sandbox.account("acme_news").accessTokenSecret())
                    .contains("Demo audience: off");
        }
    }

    @Test
    void theSameSeedGivesTheSameCredentials() {
        Sandbox a = Sandbox.builder().seed(7).account("acme_news").build();
        Sandbox b = Sandbox.builder().seed(7).account("acme_news").build();
        Sandbox c = Sandbox.builder().seed(8).account("acme_news").build();

        assertThat(a.app()).isEqualTo(b.app());
        assertThat(a.account("acme_news")).isEqualTo(b.account("acme_news"));
        assertThat(c.app().consumerSecret()).isNotEqualTo(a.app().consumerSecret());
        assertThat(a.app().consumerKey()).hasSize(25);
        assertThat(a.app().consumerSecret()).hasSize(50);
        assertThat(a.account("acme_news").accessToken())
                .startsWith(a.account("acme_news").userId() + "-");
        assertThat(a.app().toString()).doesNotContain(a.app().consumerSecret());
        assertThat(a.account("acme_news").toString())
                .doesNotContain(a.account("acme_news").accessTokenSecret());
    }

    @Test
    void demoModeAddsTheCast() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (SandboxMain.Launched launched =
                SandboxMain.launch(new String[] {"--demo"}, new PrintStream(buffer, true, StandardCharsets.UTF_8))) {
            assertThat(launched.sandbox().simulatedUsers()).hasSize(5);
            assertThat(launched.sandbox().accounts())
                    .extracting(SandboxAccount::handle)
                    .containsExactly(SandboxMain.DEFAULT_ACCOUNT);
            assertThat(buffer.toString(StandardCharsets.UTF_8)).contains("Demo audience: on");
        }
    }

    @Test
    void badOptionsAreNamed() {
        PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        assertThatThrownBy(() -> SandboxMain.launch(new String[] {"--port"}, out))
                .hasMessage("--port needs a value");
        assertThatThrownBy(() -> SandboxMain.launch(new String[] {"--port", "x"}, out))
                .hasMessage("--port needs a number, was x");
        assertThatThrownBy(() -> SandboxMain.launch(new String[] {"--bogus"}, out))
                .hasMessage("unknown option --bogus");
    }
}
