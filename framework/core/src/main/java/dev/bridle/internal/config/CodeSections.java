package dev.bridle.internal.config;

import dev.bridle.config.ConsentPolicy;
import dev.bridle.config.Duplicates;
import dev.bridle.config.InboundSettings;
import dev.bridle.config.OptOutPolicy;
import dev.bridle.config.Throttles;
import dev.bridle.guard.ActionKind;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.consent.Notice;
import dev.bridle.internal.dedupe.DuplicatePolicy;
import dev.bridle.internal.inbound.WebhookSettings;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.StoreConfig;
import dev.bridle.internal.throttle.DeferralLimits;
import dev.bridle.internal.throttle.FollowRules;
import dev.bridle.internal.throttle.Limit;
import dev.bridle.internal.throttle.ThrottleSettings;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sections {@code Bridle.builder()} takes as public values ({@link Throttles}, {@link Duplicates},
 * {@link ConsentPolicy}, {@link OptOutPolicy}, {@link InboundSettings}) as the runtime's own settings, which check what
 * the values alone cannot (a limit beyond the platform's ceilings, a polling interval under its read limit). Each
 * conversion throws {@link IllegalArgumentException} with the settings' own message; {@link CodeConfig} reports it
 * against the section.
 */
final class CodeSections {

    private CodeSections() {}

    static ThrottlesConfig throttles(Throttles t, StoreConfig store) {
        Map<ActionKind, List<Limit>> limits = limits(t.limits());
        Map<String, Map<ActionKind, List<Limit>>> overrides = new LinkedHashMap<>();
        t.accountLimits().forEach((handle, own) -> overrides.put(handle, limits(own)));
        ThrottleSettings settings = new ThrottleSettings(
                limits,
                overrides,
                limits(t.targetContacts()),
                new FollowRules(t.followsOfOneUser(), t.followsWindow(), t.noUnfollowWithin(), t.noRefollowWithin()),
                t.minSpacing(),
                t.coordinationWindow(),
                t.onThrottle(),
                t.botOnThrottle());
        ThrottlesConfig.Buckets buckets = t.bucketsInDatabase()
                .map(db -> db ? ThrottlesConfig.Buckets.DATABASE : ThrottlesConfig.Buckets.MEMORY)
                .orElse(ThrottlesConfig.Buckets.defaultFor(store));
        return new ThrottlesConfig(
                settings,
                buckets,
                new DeferralLimits(t.maxDeferredPerBot(), t.maxDeferredPerAccount(), t.maxDeferredAge()));
    }

    static DuplicatesConfig duplicates(Duplicates d) {
        return new DuplicatesConfig(
                new DuplicatePolicy(d.window(), d.threshold(), d.denyExactWithinAccount(), d.denyNearWithinAccount()),
                d.maxPosts());
    }

    static ConsentSettings consent(ConsentPolicy c, String appName) {
        Notice notice = c.notice()
                .map(n -> new Notice(n.version(), n.text(), n.scopes(), n.language()))
                .orElse(ConsentSettings.defaultNotice());
        return new ConsentSettings(
                c.operator().orElse(appName),
                c.expiry(),
                notice,
                c.policyVersion().orElse(null),
                c.policyUrl().orElse(null),
                c.jurisdiction().orElse(null),
                c.controllerContact().orElse(null),
                c.cacheTtl(),
                c.interactionHashtag().orElse(null),
                c.interactionExpiry());
    }

    static OptOutSettings optOut(OptOutPolicy o) {
        return new OptOutSettings(
                o.scope(),
                o.accountScopes(),
                o.keywordFile().orElse(null),
                o.cacheTtl(),
                o.confirm(),
                o.askWhenAmbiguous());
    }

    static InboundConfig inbound(InboundSettings s) {
        return new InboundConfig(
                s.pollMentionsEvery(),
                s.pollDirectMessagesEvery(),
                new WebhookSettings(
                        s.webhook(),
                        s.webhookBindAddress(),
                        s.webhookPort(),
                        s.webhookPath(),
                        s.webhookMaxBodyBytes(),
                        s.webhookConsumerSecret().map(Secret::of).orElse(null)));
    }

    private static Map<ActionKind, List<Limit>> limits(Map<ActionKind, List<dev.bridle.config.Limit>> given) {
        Map<ActionKind, List<Limit>> limits = new EnumMap<>(ActionKind.class);
        given.forEach((kind, list) -> limits.put(kind, limits(list)));
        return limits;
    }

    private static List<Limit> limits(List<dev.bridle.config.Limit> given) {
        return Limit.allOf(given);
    }
}
