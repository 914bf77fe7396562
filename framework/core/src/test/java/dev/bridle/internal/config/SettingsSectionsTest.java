package dev.bridle.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.bridle.bot.Account;
import dev.bridle.config.Environment;
import dev.bridle.config.OnThrottle;
import dev.bridle.consent.ConsentScope;
import dev.bridle.consent.OptOutScope;
import dev.bridle.guard.ActionKind;
import dev.bridle.internal.config.ThrottlesConfig.Buckets;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.dedupe.DuplicatePolicy;
import dev.bridle.internal.inbound.InboundPoller;
import dev.bridle.internal.inbound.WebhookSettings;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.throttle.FollowRules;
import dev.bridle.internal.throttle.Limit;
import dev.bridle.internal.throttle.ThrottleSettings;
import dev.bridle.internal.yaml.YamlProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guards' sections: throttles, duplicates, consent, optout and inbound. */
class SettingsSectionsTest {

    private static final String HEAD = """
            environment: dev
            app: { name: acme-bots-dev, purpose: test }
            accounts: [ { handle: acme_news }, { handle: acme_help } ]
            """;

    @TempDir
    Path dir;

    private BridleConfig load(String yaml) throws IOException {
        return ConfigLoader.load(
                Files.writeString(dir.resolve("bridle.yaml"), yaml),
                ConfigLoaderTest.ENV,
                getClass().getClassLoader());
    }

    private List<YamlProblem> problems(String yaml) throws IOException {
        Path file = Files.writeString(dir.resolve("bridle.yaml"), yaml);
        ConfigException e = catchThrowableOfType(
                ConfigException.class,
                () -> ConfigLoader.load(file, ConfigLoaderTest.ENV, getClass().getClassLoader()));
        assertThat(e).as("should be invalid:%n%s", yaml).isNotNull();
        return e.problems();
    }

    @Test
    void readsEverySectionOfTheFullFile() {
        BridleConfig config = ConfigLoader.load(
                ConfigLoaderTest.VALID.resolve("full.yaml"),
                ConfigLoaderTest.ENV,
                getClass().getClassLoader());
        Duration hour = Duration.ofHours(1);
        Duration day = Duration.ofDays(1);

        ThrottleSettings throttles = config.throttles().settings();
        assertThat(config.throttles().buckets()).isEqualTo(Buckets.MEMORY);
        assertThat(throttles.accountLimits().get(ActionKind.POST))
                .containsExactly(Limit.of(5, hour), Limit.of(20, day));
        assertThat(throttles.accountLimits().get(ActionKind.LIKE)).containsExactly(Limit.of(2, hour));
        assertThat(throttles.accountLimits().get(ActionKind.REPLY)).isEqualTo(ThrottleSettings.DEFAULT_REPLY_LIMITS);
        Account news = new Account("acme_news", null);
        assertThat(throttles.limitsFor(news, ActionKind.DIRECT_MESSAGE))
                .containsExactly(Limit.of(10, hour), Limit.of(40, day));
        assertThat(throttles.limitsFor(news, ActionKind.FOLLOW)).containsExactly(Limit.of(5, day));
        assertThat(throttles.limitsFor(new Account("acme_help", null), ActionKind.FOLLOW))
                .isEqualTo(ThrottleSettings.DEFAULT_FOLLOW_LIMITS);
        assertThat(throttles.targetContacts()).containsExactly(Limit.of(2, day), Limit.of(5, Duration.ofDays(7)));
        assertThat(throttles.follows())
                .isEqualTo(new FollowRules(1, Duration.ofDays(14), Duration.ofDays(4), Duration.ofDays(10)));
        assertThat(throttles.minSpacing()).isEqualTo(Duration.ofSeconds(45));
        assertThat(throttles.coordinationWindow()).isEqualTo(Duration.ofMinutes(15));
        assertThat(throttles.onThrottleFor("nightly")).isEqualTo(OnThrottle.DROP);
        assertThat(throttles.onThrottleFor("digest")).isEqualTo(OnThrottle.DEFER);

        assertThat(config.duplicates())
                .isEqualTo(new DuplicatesConfig(new DuplicatePolicy(Duration.ofDays(14), 0.9, true, true), 1_000_000));

        ConsentSettings consent = config.consent();
        assertThat(consent.operator()).isEqualTo("Acme Corp");
        assertThat(consent.expiry()).isEqualTo(Duration.ofDays(180));
        assertThat(consent.notice().version()).isEqualTo("acme-2");
        assertThat(consent.notice().language()).isEqualTo("en-GB");
        assertThat(consent.notice().scopes())
                .containsExactlyInAnyOrder(ConsentScope.REPLY, ConsentScope.DM, ConsentScope.FOLLOW);
        assertThat(consent.notice().text())
                .startsWith("This account is an automated bot.")
                .endsWith("at any time.");
        assertThat(consent.policyVersion()).isEqualTo("2026-11");
        assertThat(consent.policyUrl()).isEqualTo("https://acme.example/bots/privacy");
        assertThat(consent.jurisdiction()).isEqualTo("EU");
        assertThat(consent.controllerContact()).isEqualTo("privacy@acme.example");
        assertThat(consent.cacheTtl()).isZero();
        assertThat(consent.interactionHashtag()).isEqualTo("askacme");
        assertThat(consent.interactionExpiry()).isEqualTo(Duration.ofHours(12));

        OptOutSettings optOut = config.optOut();
        assertThat(optOut.keywordFile())
                .isEqualTo(ConfigLoaderTest.VALID.resolve("keywords.yaml").toAbsolutePath());
        assertThat(optOut.scope()).isEqualTo(OptOutScope.OPERATOR);
        assertThat(optOut.keyFor("acme_help")).isEqualTo("acme_help");
        assertThat(optOut.keyFor("acme_news")).isEqualTo("*");
        assertThat(optOut.confirm()).isFalse();
        assertThat(optOut.askWhenAmbiguous()).isFalse();
        assertThat(optOut.cacheTtl()).isEqualTo(Duration.ofSeconds(2));

        InboundConfig inbound = config.inbound();
        assertThat(inbound.pollMentionsEvery()).isEqualTo(Duration.ofSeconds(30));
        assertThat(inbound.pollDirectMessagesEvery()).isEqualTo(Duration.ofMinutes(2));
        WebhookSettings webhook = inbound.webhook();
        assertThat(webhook)
                .extracting(
                        WebhookSettings::enabled,
                        WebhookSettings::bindAddress,
                        WebhookSettings::port,
                        WebhookSettings::path,
                        WebhookSettings::maxBodyBytes)
                .containsExactly(true, "0.0.0.0", 9443, "/hooks/x", 65536);
        assertThat(webhook.consumerSecret().reveal()).isEqualTo("cs-SECRET-2");
        assertThat(webhook.consumerSecret().variable()).contains("ACME_CS");
    }

    @Test
    void everySectionLeftOutTakesTheRecordsDefaults() throws IOException {
        BridleConfig config = load(HEAD + """
                bots: [ { name: b, class: dev.bridle.internal.config.testbots.PosterBot, account: acme_news, inbound: mentions } ]
                """);

        assertThat(config.throttles())
                .isEqualTo(new ThrottlesConfig(
                        ThrottleSettings.defaults().withOnThrottle("b", ThrottleSettings.DEFAULT_ON_THROTTLE),
                        Buckets.MEMORY));
        assertThat(config.duplicates()).isEqualTo(DuplicatesConfig.defaults());
        assertThat(config.consent()).isEqualTo(ConsentSettings.defaults("acme-bots-dev"));
        assertThat(config.optOut()).isEqualTo(OptOutSettings.defaults());
        assertThat(config.inbound()).isEqualTo(InboundConfig.defaults());
    }

    @Test
    void emptySectionsTakeTheDefaultsToo() throws IOException {
        BridleConfig config = load(HEAD + """
                throttles: {}
                duplicates: {}
                consent: { notice: {} }
                optout: {}
                inbound: { poll: {}, webhook: {} }
                """);

        assertThat(config)
                .isEqualTo(new BridleConfig(
                        config.source(),
                        config.environment(),
                        config.app(),
                        false,
                        config.store(),
                        config.platform(),
                        config.scheduler(),
                        List.of(),
                        config.accounts(),
                        List.of()));
    }

    @Test
    void aPostgresStoreSharesBucketsUnlessTheyAreKeptInMemory() throws IOException {
        String postgres = HEAD + "store: { url: \"jdbc:postgresql://db/bridle\" }\n";

        assertThat(load(postgres).throttles().buckets()).isEqualTo(Buckets.DATABASE);
        assertThat(load(postgres + "throttles: { buckets: memory }\n")
                        .throttles()
                        .buckets())
                .isEqualTo(Buckets.MEMORY);
        assertThat(load(HEAD).throttles().buckets()).isEqualTo(Buckets.MEMORY);
    }

    @Test
    void aBotFollowsTheSectionsOnThrottleUnlessItSaysOtherwise() throws IOException {
        BridleConfig config = load(HEAD + """
                bots:
                  - { name: a, class: dev.bridle.internal.config.testbots.PosterBot, account: acme_news, inbound: mentions }
                  - { name: b, class: dev.bridle.internal.config.testbots.PosterBot, account: acme_news, inbound: mentions,
                      onThrottle: defer }
                throttles: { onThrottle: Drop }
                """);

        assertThat(config.throttles().settings().onThrottleFor("a")).isEqualTo(OnThrottle.DROP);
        assertThat(config.throttles().settings().onThrottleFor("b")).isEqualTo(OnThrottle.DEFER);
    }

    @Test
    void spansReadInTheShortFormTheWordsOfLimitsAndIso8601() throws IOException {
        Map<String, Duration> forms = Map.of(
                "90s",
                Duration.ofSeconds(90),
                "\"2 minutes\"",
                Duration.ofMinutes(2),
                "hour",
                Duration.ofHours(1),
                "PT1M30S",
                Duration.ofSeconds(90),
                "\"1 week\"",
                Duration.ofDays(7));
        for (var form : forms.entrySet()) {
            BridleConfig config = load(HEAD + "throttles: { minSpacing: " + form.getKey() + " }\n");
            assertThat(config.throttles().settings().minSpacing())
                    .as(form.getKey())
                    .isEqualTo(form.getValue());
        }
    }

    @Test
    void anOverrideThatCouldReachACeilingIsReportedAtItsOwnLimit() throws IOException {
        List<YamlProblem> problems = problems(HEAD + """
                throttles:
                  overrides:
                    acme_help:
                      like: "1 per day"
                      directMessage: ["300 per day"]
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(8);
            assertThat(p.path()).isEqualTo("throttles.overrides.acme_help.directMessage");
            assertThat(p.message())
                    .startsWith("these limits could allow 600 direct messages per day")
                    .contains("above the platform's ceiling of 500");
        });
    }

    @Test
    void limitsTogetherOverACeilingAreReportedAtTheFirstWhenNoneAloneIsToBlame() throws IOException {
        // Setting back any one of the three leaves the other two over the ceiling of 300 per 3 hours.
        List<YamlProblem> problems = problems(HEAD + """
                throttles:
                  accounts:
                    repost: "800 per day"
                    post: "800 per day"
                    reply: "800 per day"
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("throttles.accounts.repost");
            assertThat(p.message()).contains("posts, replies and reposts");
        });
    }

    @Test
    void aNoticeWithOtherScopesNeedsWordsThatOfferThem() throws IOException {
        List<YamlProblem> problems = problems(HEAD + """
                consent:
                  notice: { scopes: [reply, mention, dm, follow] }
                """);

        assertThat(problems).singleElement().satisfies(p -> {
            assertThat(p.path()).isEqualTo("consent.notice.scopes");
            assertThat(p.message())
                    .startsWith("differ from the default notice's, whose text offers reply, mention, dm;");
        });
    }

    @Test
    void theKeywordFileIsReadBesideTheConfigurationFile() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("conf"));
        Files.copy(ConfigLoaderTest.VALID.resolve("keywords.yaml"), sub.resolve("words.yaml"));
        Path file = Files.writeString(sub.resolve("bridle.yaml"), HEAD + "optout: { keywords: words.yaml }\n");

        BridleConfig config = ConfigLoader.load(file, Map.of(), getClass().getClassLoader());

        assertThat(config.optOut().keywordFile())
                .isEqualTo(sub.resolve("words.yaml").toAbsolutePath());
        assertThat(config.optOut().keywordFile()).isAbsolute();
    }

    @Test
    void aWebhookSecretFromAnUnsetOrEmptyVariableIsRefused() throws IOException {
        Path file = Files.writeString(
                dir.resolve("bridle.yaml"), HEAD + "inbound: { webhook: { consumerSecret: \"${env:WEBHOOK}\" } }\n");

        ConfigException unset = catchThrowableOfType(
                ConfigException.class,
                () -> ConfigLoader.load(file, Map.of(), getClass().getClassLoader()));
        ConfigException empty = catchThrowableOfType(
                ConfigException.class,
                () -> ConfigLoader.load(file, Map.of("WEBHOOK", ""), getClass().getClassLoader()));

        assertThat(unset.problems())
                .singleElement()
                .extracting(YamlProblem::message)
                .asString()
                .contains("environment variable WEBHOOK (read by ${env:WEBHOOK}) is not set");
        assertThat(empty.problems())
                .singleElement()
                .extracting(YamlProblem::message)
                .asString()
                .startsWith("is empty (environment variable WEBHOOK is set to nothing)");
    }

    @Test
    void anEnabledWebhookMaySignWithTheAccountsConsumerSecret() throws IOException {
        BridleConfig config = load("""
                environment: dev
                app: { name: acme-bots-dev, purpose: test }
                accounts:
                  - handle: acme_news
                    credentials: { consumerKey: "${env:ACME_CK}", consumerSecret: "${env:ACME_CS}",
                                   accessToken: "${env:ACME_AT}", accessTokenSecret: x }
                inbound: { webhook: { enabled: true } }
                """);

        assertThat(config.inbound().webhook().enabled()).isTrue();
        assertThat(config.inbound().webhook().consumerSecret()).isNull();
    }

    @Test
    void aThresholdCanBeWrittenAsTextOrAsANumber() throws IOException {
        assertThat(load(HEAD + "duplicates: { threshold: \"0.7\" }\n")
                        .duplicates()
                        .policy()
                        .threshold())
                .isEqualTo(0.7);
        assertThat(load(HEAD + "duplicates: { threshold: 1 }\n")
                        .duplicates()
                        .policy()
                        .threshold())
                .isEqualTo(1.0);
        assertThat(problems(HEAD + "duplicates: { threshold: 0 }\n"))
                .singleElement()
                .extracting(YamlProblem::message)
                .asString()
                .startsWith("found 0, which is out of range; expected a score above 0 and at most 1");
        assertThat(problems(HEAD + "duplicates: { threshold: .NaN }\n"))
                .singleElement()
                .extracting(YamlProblem::message)
                .asString()
                .contains("which is not a number");
    }

    @Test
    void theIndexCapIsAWholeNumberOfPostsInRange() throws IOException {
        assertThat(load(HEAD + "duplicates: { maxPosts: 2000000 }\n")
                        .duplicates()
                        .maxPosts())
                .isEqualTo(2_000_000);
        assertThat(problems(HEAD + "duplicates: { maxPosts: 0 }\n"))
                .singleElement()
                .extracting(YamlProblem::message)
                .asString()
                .startsWith("found 0, which is out of range; expected how many posts the index holds");
        assertThat(problems(HEAD + "duplicates: { maxPosts: 30000000 }\n"))
                .singleElement()
                .extracting(YamlProblem::message)
                .asString()
                .startsWith("found 30000000, which is out of range");
        assertThat(problems(HEAD + "duplicates: { maxPosts: lots }\n")).hasSize(1);
    }

    @Test
    void pollingAsOftenAsThePlatformAllowsIsFine() throws IOException {
        InboundConfig inbound = load(HEAD + "inbound: { poll: { mentionsEvery: 3s, directMessagesEvery: 1m } }\n")
                .inbound();

        assertThat(inbound.pollMentionsEvery()).isEqualTo(InboundPoller.MIN_MENTIONS_EVERY);
        assertThat(inbound.pollDirectMessagesEvery()).isEqualTo(InboundPoller.MIN_MESSAGES_EVERY);
        assertThatThrownBy(() ->
                        new InboundConfig(Duration.ofSeconds(2), Duration.ofMinutes(1), WebhookSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read limit");
    }

    @Test
    void aConfigurationBuiltInCodeRefusesDatabaseBucketsOnH2() {
        StoreConfig h2 = new StoreConfig(StoreConfig.DEFAULT_URL, null, null);
        BridleConfig defaults = new BridleConfig(
                "<code>",
                Environment.DEV,
                new AppConfig("acme-bots-dev", "test"),
                false,
                h2,
                new PlatformConfig(ConfigLoader.DEFAULT_API, null),
                new SchedulerConfig(1),
                List.of(),
                List.of(),
                List.of());

        assertThat(defaults.throttles().buckets()).isEqualTo(Buckets.MEMORY);
        assertThat(defaults.consent().operator()).isEqualTo("acme-bots-dev");
        assertThatThrownBy(() -> new BridleConfig(
                        "<code>",
                        Environment.DEV,
                        defaults.app(),
                        false,
                        h2,
                        defaults.platform(),
                        defaults.scheduler(),
                        List.of(),
                        List.of(),
                        List.of(),
                        new ThrottlesConfig(ThrottleSettings.defaults(), Buckets.DATABASE),
                        defaults.duplicates(),
                        defaults.consent(),
                        defaults.optOut(),
                        defaults.inbound()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("need a PostgreSQL store");
    }

    @Test
    void scopesIgnoreCaseAndRepeats() throws IOException {
        BridleConfig config = load(HEAD + """
                consent:
                  notice: { version: acme-1, scopes: [Reply, reply, DM], text: "Reply START for replies and DMs." }
                """);

        assertThat(config.consent().notice().scopes()).isEqualTo(Set.of(ConsentScope.REPLY, ConsentScope.DM));
    }
}
