package dev.bridle.internal.platform.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.bridle.bot.Account;
import dev.bridle.bot.StreamRule;
import dev.bridle.internal.config.PlatformConfig.ApiVersion;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import dev.bridle.platform.PlatformReceipt;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The adapter's filtered-stream rules against the real sandbox: add, list, delete, and the platform's refusals. */
class TwitterPlatformStreamRulesTest {
    private final SandboxFixture fx = new SandboxFixture();

    @AfterEach
    void stop() {
        fx.close();
    }

    private TwitterPlatform x() {
        return fx.platform(ApiVersion.V2);
    }

    private Account acme() {
        return fx.account("acme");
    }

    @Test
    void addsListsAndDeletesRulesWithXsBodies() throws PlatformException {
        TwitterPlatform x = x();
        StreamRule ferry = x.addStreamRule(acme(), "harbour ferry", "ferries");
        assertThat(ferry.id()).matches("[0-9]{19}");
        assertThat(ferry.value()).isEqualTo("harbour ferry");
        assertThat(ferry.tag()).isEqualTo("ferries");
        assertThat(fx.lastSent().endpoint()).isEqualTo("POST /2/tweets/search/stream/rules");
        assertThat(fx.lastSent().body()).isEqualTo("{\"add\":[{\"value\":\"harbour ferry\",\"tag\":\"ferries\"}]}");
        StreamRule quay = x.addStreamRule(acme(), "quay", null);
        assertThat(fx.lastSent().body()).isEqualTo("{\"add\":[{\"value\":\"quay\"}]}");

        assertThat(x.streamRules(acme())).containsExactly(ferry, quay);

        assertThat(x.deleteStreamRules(acme(), List.of(ferry.id(), "1"))).isEqualTo(Set.of(ferry.id()));
        assertThat(fx.lastSent().body()).isEqualTo("{\"delete\":{\"ids\":[\"" + ferry.id() + "\",\"1\"]}}");
        assertThat(x.streamRules(acme())).containsExactly(quay);
    }

    @Test
    void aDuplicateIsRejectedWithXsTitleAndTheKeptRulesId() throws PlatformException {
        TwitterPlatform x = x();
        StreamRule kept = x.addStreamRule(acme(), "harbour", null);

        assertThatThrownBy(() -> x.addStreamRule(acme(), "harbour", null))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformException.Kind.REJECTED);
                    assertThat(e.getMessage())
                            .isEqualTo("POST /2/tweets/search/stream/rules did not create the rule: DuplicateRule"
                                    + " (the app already has it as rule " + kept.id() + ")");
                });
    }

    @Test
    void anInvalidRuleIsRejectedWithThePlatformsReason() {
        assertThatThrownBy(() -> x().addStreamRule(acme(), "harbour sentiment:happy", null))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(PlatformException.Kind.REJECTED);
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.getMessage())
                            .isEqualTo("POST /2/tweets/search/stream/rules answered 400: UnprocessableEntity:"
                                    + " Reference to invalid operator 'sentiment'");
                });
    }

    @Test
    void aPlatformWithoutStreamRulesRefusesRatherThanAnswersEmpty() {
        Platform none = new Platform() {
            @Override
            public PlatformReceipt perform(dev.bridle.guard.ActionRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public List<dev.bridle.bot.Mention> mentionsSince(Account account, String sinceId) {
                return List.of();
            }

            @Override
            public List<dev.bridle.bot.DirectMessage> directMessagesSince(Account account, String sinceId) {
                return List.of();
            }

            @Override
            public java.util.Optional<dev.bridle.bot.UserRef> lookupHandle(Account account, String handle) {
                return java.util.Optional.empty();
            }

            @Override
            public Account verifyCredentials(Account account) {
                return account;
            }
        };
        assertThatThrownBy(() -> none.addStreamRule(acme(), "harbour", null))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(PlatformException.Kind.REJECTED));
        assertThatThrownBy(() -> none.streamRules(acme())).isInstanceOf(PlatformException.class);
        assertThatThrownBy(() -> none.deleteStreamRules(acme(), List.of("1"))).isInstanceOf(PlatformException.class);
    }
}
