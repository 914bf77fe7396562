package dev.bridle.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bridle.config.Environment;
import dev.bridle.config.Inbound;
import dev.bridle.config.OnConsentEnd;
import dev.bridle.config.Schedule;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    static final Path VALID = Path.of("src/test/resources/config/valid");
    static final Map<String, String> ENV = Map.of(
            "PURPOSE_SUFFIX",
            "nothing else",
            "DB_HOST",
            "db.internal",
            "DB_PASSWORD",
            "pw-SECRET",
            "ACME_CK",
            "ck-SECRET-1",
            "ACME_CS",
            "cs-SECRET-2",
            "ACME_AT",
            "at-SECRET-3",
            "ANCHOR_KEY",
            "anchor-key-SECRET-0123456789abcdef");

    @TempDir
    Path dir;

    private BridleConfig load(Path file) {
        return ConfigLoader.load(file, ENV, getClass().getClassLoader());
    }

    private ConfigException problems(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("bridle.yaml"), yaml);
        return catchThrowableOfType(ConfigException.class, () -> load(file));
    }

    @Test
    void readsEveryKey() {
        BridleConfig config = load(VALID.resolve("full.yaml"));

        assertThat(config.source()).isEqualTo(VALID.resolve("full.yaml").toString());
        assertThat(config.environment()).isEqualTo(Environment.STAGING);
        assertThat(config.dryRun()).isTrue();
        assertThat(config.app())
                .isEqualTo(new AppConfig("acme-bots-staging", "Answer questions about Acme releases: nothing else"));
        assertThat(config.store().url()).isEqualTo("jdbc:postgresql://db.internal/bridle?password=pw-SECRET");
        assertThat(config.store().isPostgres()).isTrue();
        assertThat(config.store().username()).isEqualTo("bridle");
        assertThat(config.store().password().reveal()).isEqualTo("pw-SECRET");
        assertThat(config.platform()).isEqualTo(new PlatformConfig(ApiVersion.V1_1, "http://localhost:8089/api"));
        assertThat(config.scheduler().threads()).isEqualTo(8);
        assertThat(config.modules()).containsExactly("dev.bridle.internal.config.testbots.TestModule");
        assertThat(config.accounts()).extracting(AccountConfig::handle).containsExactly("acme_news", "Acme_Help");
        assertThat(config.account("acme_help"))
                .get()
                .extracting(AccountConfig::credentials)
                .isNull();
        assertThat(config.bots())
                .containsExactly(
                        new BotConfig(
                                "thanks",
                                "dev.bridle.internal.config.testbots.GreeterBot",
                                "acme_news",
                                null,
                                Set.of(Inbound.MENTIONS),
                                Set.of(),
                                OnConsentEnd.KEEP_PROVIDED),
                        new BotConfig(
                                "digest",
                                "dev.bridle.internal.config.testbots.PosterBot",
                                "acme_news",
                                new Schedule.Cron("0 0 9 * * ?", ZoneId.of("Europe/Paris")),
                                Set.of()),
                        new BotConfig(
                                "pulse_2",
                                "dev.bridle.internal.config.testbots.PosterBot",
                                "Acme_Help",
                                new Schedule.Every(Duration.ofMinutes(90)),
                                Set.of(Inbound.MENTIONS, Inbound.DIRECT_MESSAGES)),
                        new BotConfig(
                                "nightly",
                                "dev.bridle.internal.config.testbots.PosterBot",
                                "Acme_Help",
                                new Schedule.Cron("0 30 2 ? * MON-FRI", ConfigLoader.DEFAULT_CRON_ZONE),
                                Set.of()));
    }

    @Test
    void secretsComeFromTheEnvironmentAndRememberTheirVariable() {
        Credentials credentials = load(VALID.resolve("full.yaml"))
                .account("acme_news")
                .orElseThrow()
                .credentials();

        assertThat(credentials.consumerKey().reveal()).isEqualTo("ck-SECRET-1");
        assertThat(credentials.consumerKey().variable()).contains("ACME_CK");
        assertThat(credentials.accessToken().variable()).contains("ACME_AT");
        assertThat(credentials.toString()).doesNotContain("SECRET");
    }

    @Test
    void dollarDollarBraceIsALiteralDollarBrace() {
        Credentials credentials = load(VALID.resolve("full.yaml"))
                .account("acme_news")
                .orElseThrow()
                .credentials();

        assertThat(credentials.accessTokenSecret().reveal()).isEqualTo("literal-${env:not-a-reference}");
        assertThat(credentials.accessTokenSecret().variable()).isEmpty();
    }

    @Test
    void fillsInDefaults() {
        BridleConfig config = load(VALID.resolve("minimal.yaml"));

        assertThat(config.dryRun()).isEqualTo(ConfigLoader.DEFAULT_DRY_RUN);
        assertThat(config.store()).isEqualTo(new StoreConfig(StoreConfig.DEFAULT_URL, null, null));
        assertThat(config.platform()).isEqualTo(new PlatformConfig(ConfigLoader.DEFAULT_API, null));
        assertThat(config.scheduler().threads()).isEqualTo(SchedulerConfig.DEFAULT_THREADS);
        assertThat(config.modules()).isEmpty();
        assertThat(config.accounts()).isEmpty();
        assertThat(config.bots()).isEmpty();
    }

    @Test
    void emptySectionsTakeTheirDefaultsToo() throws IOException {
        Path file = Files.writeString(dir.resolve("bridle.yaml"), """
                environment: prod
                app: { name: acme-bots-prod, purpose: test }
                store:
                platform: {}
                scheduler: {}
                modules:
                accounts: []
                """);

        BridleConfig config = load(file);

        assertThat(config.store().url()).isEqualTo(StoreConfig.DEFAULT_URL);
        assertThat(config.platform().api()).isEqualTo(ConfigLoader.DEFAULT_API);
        assertThat(config.scheduler().threads()).isEqualTo(SchedulerConfig.DEFAULT_THREADS);
    }

    @Test
    void intervalsReadInEveryForm() throws IOException {
        Map<String, Duration> forms = Map.of(
                "30s",
                Duration.ofSeconds(30),
                "15m",
                Duration.ofMinutes(15),
                "2h",
                Duration.ofHours(2),
                "1d",
                Duration.ofDays(1),
                "PT1S",
                Duration.ofSeconds(1),
                "P1D",
                Duration.ofDays(1));
        for (var form : forms.entrySet()) {
            Path file = Files.writeString(dir.resolve("bridle.yaml"), """
                    environment: dev
                    app: { name: acme-bots-dev, purpose: test }
                    accounts: [ { handle: a } ]
                    bots: [ { name: b, class: dev.bridle.internal.config.testbots.PosterBot, account: a, schedule: { every: %s } } ]
                    """.formatted(form.getKey()));
            assertThat(load(file).bots().get(0).schedule())
                    .as(form.getKey())
                    .isEqualTo(new Schedule.Every(form.getValue()));
        }
    }

    @Test
    void environmentVariablesFillNumbersAndBooleansToo() throws IOException {
        Path file = Files.writeString(dir.resolve("bridle.yaml"), """
                environment: "${env:ENVIRONMENT}"
                dryRun: "${env:DRY_RUN}"
                app: { name: "acme-bots-${env:ENVIRONMENT}", purpose: test }
                scheduler: { threads: "${env:THREADS}" }
                """);

        BridleConfig config = ConfigLoader.load(
                file,
                Map.of("ENVIRONMENT", "prod", "DRY_RUN", "true", "THREADS", "16"),
                getClass().getClassLoader());

        assertThat(config.environment()).isEqualTo(Environment.PROD);
        assertThat(config.app().name()).isEqualTo("acme-bots-prod");
        assertThat(config.dryRun()).isTrue();
        assertThat(config.scheduler().threads()).isEqualTo(16);
    }

    @Test
    void aValueFromTheEnvironmentIsNeverEchoed() throws IOException {
        Path file = Files.writeString(dir.resolve("bridle.yaml"), """
                environment: dev
                app: { name: acme-bots-dev, purpose: test }
                store: { url: "${env:DB_URL}" }
                """);

        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> ConfigLoader.load(
                        file,
                        Map.of("DB_URL", "jdbc:mysql://db?password=hunter2"),
                        getClass().getClassLoader()));

        assertThat(e.getMessage())
                .contains("found \"${env:DB_URL}\", which is not a supported database")
                .doesNotContain("hunter2");
    }

    @Test
    void unknownKeysAreErrorsWithASuggestion() throws IOException {
        ConfigException e = problems("""
                environment: dev
                app: { name: acme-bots-dev, purpose: test }
                schedular: { threads: 2 }
                """);

        assertThat(e.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(3);
            assertThat(p.column()).isEqualTo(1);
            assertThat(p.path()).isEqualTo("schedular");
            assertThat(p.message())
                    .startsWith("unknown key (did you mean \"scheduler\"?); expected one of environment,");
        });
    }

    @Test
    void anUnknownKeyFarFromAnyIsNotGivenASuggestion() throws IOException {
        ConfigException e = problems("""
                environment: dev
                app: { name: acme-bots-dev, purpose: test }
                webhooks: []
                """);

        assertThat(e.problems())
                .singleElement()
                .extracting(YamlProblem::message)
                .asString()
                .startsWith("unknown key; expected one of");
    }

    @Test
    void aProdAppRefusesToRunAsDevAndTheReverse() throws IOException {
        assertThat(problems("environment: dev\napp: { name: acme-prod, purpose: test }\n")
                        .getMessage())
                .contains("\"acme-prod\" is a prod app (label \"prod\") but environment is dev");
        assertThat(problems("environment: prod\napp: { name: acme-dev, purpose: test }\n")
                        .getMessage())
                .contains("\"acme-dev\" is a dev app (label \"dev\") but environment is prod");
        assertThat(problems("environment: prod\napp: { name: acme-stg, purpose: test }\n")
                        .getMessage())
                .contains("\"acme-stg\" is a staging app (label \"stg\") but environment is prod");
    }

    @Test
    void realCredentialsInDevAreFine() throws IOException {
        Path file = Files.writeString(dir.resolve("bridle.yaml"), """
                environment: dev
                app: { name: acme-bots-dev, purpose: test }
                accounts:
                  - handle: acme_news
                    credentials: { consumerKey: a, consumerSecret: b, accessToken: c, accessTokenSecret: d }
                """);

        assertThat(load(file).accounts().get(0).credentials()).isNotNull();
    }

    @Test
    void neverModifiesTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("bridle.yaml"), "environment: dev\napp: { name: x-dev }\n");
        Files.setLastModifiedTime(file, FileTime.fromMillis(1_000_000_000_000L));
        byte[] before = Files.readAllBytes(file);

        catchThrowableOfType(ConfigException.class, () -> load(file));

        assertThat(Files.readAllBytes(file)).isEqualTo(before);
        assertThat(Files.getLastModifiedTime(file).toMillis()).isEqualTo(1_000_000_000_000L);
    }

    @Test
    void aProblemPrintsAsFileLineColumnPathMessage() {
        assertThat(new YamlProblem("c.yaml", 3, 7, "bots[0].name", "found x; expected y"))
                .hasToString("c.yaml:3:7: bots[0].name: found x; expected y");
        assertThat(new YamlProblem("c.yaml", 0, 0, "", "cannot be read")).hasToString("c.yaml: cannot be read");
    }

    @Test
    void problemsComeInFileOrderWhateverOrderTheyWereFoundIn() throws IOException {
        // Bots are checked against accounts after both are read; the problems still come in file order.
        ConfigException e = problems("""
                environment: dev
                app: { name: acme-bots-dev, purpose: test }
                bots: [ { name: b, class: dev.bridle.internal.config.testbots.PosterBot, account: nobody, inbound: mentions } ]
                accounts: [ { handle: "not valid" } ]
                """);

        assertThat(e.problems()).extracting(YamlProblem::line).containsExactly(3, 4);
        assertThat(e.problems())
                .extracting(YamlProblem::path)
                .isEqualTo(List.of("bots[0].account", "accounts[0].handle"));
    }

    /** Answers some class names with other classes, as if those were on the class path. */
    static final class AliasingClassLoader extends ClassLoader {
        private final Map<String, Class<?>> aliases;

        AliasingClassLoader(ClassLoader parent, Map<String, Class<?>> aliases) {
            super(parent);
            this.aliases = aliases;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            Class<?> alias = aliases.get(name);
            return alias != null ? alias : super.loadClass(name, resolve);
        }
    }
}
