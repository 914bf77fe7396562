package dev.bridle.internal.config;

import static dev.bridle.internal.config.ConfigPrinter.line;
import static dev.bridle.internal.config.ConfigPrinter.list;
import static dev.bridle.internal.config.ConfigPrinter.scalar;

import dev.bridle.consent.ConsentScope;
import dev.bridle.guard.ActionKind;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.dedupe.DuplicatePolicy;
import dev.bridle.internal.inbound.WebhookSettings;
import dev.bridle.internal.optout.OptOutSettings;
import dev.bridle.internal.throttle.FollowRules;
import dev.bridle.internal.throttle.Limit;
import dev.bridle.internal.throttle.ThrottleSettings;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Prints the guards' sections for {@link ConfigPrinter}: throttles, duplicates, consent, optout and inbound. */
final class SettingsPrinter {

    private SettingsPrinter() {}

    static void throttles(StringBuilder out, ThrottlesConfig throttles) {
        ThrottleSettings s = throttles.settings();
        out.append("throttles:\n");
        line(out, "  onThrottle", s.onThrottle().name().toLowerCase(Locale.ROOT));
        line(out, "  buckets", throttles.buckets().toString());
        out.append("  accounts:\n");
        kinds(out, "    ", s.accountLimits());
        if (s.accountOverrides().isEmpty()) {
            out.append("  overrides: {}\n");
        } else {
            out.append("  overrides:\n");
            s.accountOverrides().forEach((handle, limits) -> {
                out.append("    ").append(scalar(handle)).append(":\n");
                kinds(out, "      ", limits);
            });
        }
        out.append("  targets:\n");
        list(out, "    contacts", limits(s.targetContacts()));
        FollowRules follows = s.follows();
        out.append("  follows:\n");
        line(out, "    maxAccountsPerUser", Integer.toString(follows.maxAccountsPerUser()));
        line(out, "    accountsWindow", span(follows.accountsWindow()));
        line(out, "    noUnfollowWithin", span(follows.noUnfollowWithin()));
        line(out, "    noRefollowWithin", span(follows.noRefollowWithin()));
        line(out, "  minSpacing", span(s.minSpacing()));
        line(out, "  coordinationWindow", span(s.coordinationWindow()));
        out.append("  deferred:\n");
        line(out, "    maxPerBot", Integer.toString(throttles.deferred().maxPerBot()));
        line(out, "    maxPerAccount", Integer.toString(throttles.deferred().maxPerAccount()));
        line(out, "    maxAge", span(throttles.deferred().maxAge()));
    }

    private static void kinds(StringBuilder out, String indent, Map<ActionKind, List<Limit>> limits) {
        limits.forEach((kind, list) -> list(out, indent + ThrottleSettings.configName(kind), limits(list)));
    }

    private static List<String> limits(List<Limit> limits) {
        return limits.stream().map(l -> scalar(l.toString())).toList();
    }

    static void duplicates(StringBuilder out, DuplicatesConfig duplicates) {
        DuplicatePolicy policy = duplicates.policy();
        out.append("duplicates:\n");
        line(out, "  window", span(policy.window()));
        line(out, "  threshold", Double.toString(policy.threshold()));
        line(out, "  denyExactWithinAccount", Boolean.toString(policy.denyExactWithinAccount()));
        line(out, "  denyNearWithinAccount", Boolean.toString(policy.denyNearWithinAccount()));
        line(out, "  maxPosts", Integer.toString(duplicates.maxPosts()));
    }

    static void consent(StringBuilder out, ConsentSettings consent) {
        out.append("consent:\n");
        line(out, "  operator", scalar(consent.operator()));
        line(out, "  expiry", span(consent.expiry()));
        out.append("  notice:\n");
        line(out, "    version", scalar(consent.notice().version()));
        line(out, "    language", scalar(consent.notice().language()));
        list(
                out,
                "    scopes",
                consent.notice().scopes().stream()
                        .sorted()
                        .map(ConsentScope::wireName)
                        .toList());
        line(out, "    text", scalar(consent.notice().text()));
        line(out, "  policyVersion", scalar(consent.policyVersion()));
        line(out, "  policyUrl", scalar(consent.policyUrl()));
        line(out, "  jurisdiction", scalar(consent.jurisdiction()));
        line(out, "  contact", scalar(consent.controllerContact()));
        line(out, "  cacheTtl", span(consent.cacheTtl()));
        out.append("  interactionHashtag: ")
                .append(scalar(consent.interactionHashtag()))
                .append(consent.interactionHashtag() == null ? "  # off: only recorded consent counts\n" : "\n");
        line(out, "  interactionExpiry", span(consent.interactionExpiry()));
    }

    static void optOut(StringBuilder out, OptOutSettings optOut) {
        out.append("optout:\n");
        out.append("  keywords: ")
                .append(
                        optOut.keywordFile() == null
                                ? "null  # the keywords shipped with Bridle\n"
                                : scalar(optOut.keywordFile().toString()) + "\n");
        line(out, "  scope", optOut.scope().name().toLowerCase(Locale.ROOT));
        if (optOut.accountScopes().isEmpty()) {
            out.append("  accounts: {}\n");
        } else {
            out.append("  accounts:\n");
            new TreeMap<>(optOut.accountScopes())
                    .forEach((handle, scope) ->
                            line(out, "    " + scalar(handle), scope.name().toLowerCase(Locale.ROOT)));
        }
        line(out, "  confirm", Boolean.toString(optOut.confirm()));
        line(out, "  askWhenAmbiguous", Boolean.toString(optOut.askWhenAmbiguous()));
        line(out, "  cacheTtl", span(optOut.cacheTtl()));
    }

    static void inbound(StringBuilder out, InboundConfig inbound) {
        out.append("inbound:\n");
        out.append("  poll:\n");
        line(out, "    mentionsEvery", span(inbound.pollMentionsEvery()));
        line(out, "    directMessagesEvery", span(inbound.pollDirectMessagesEvery()));
        WebhookSettings webhook = inbound.webhook();
        out.append("  webhook:\n");
        line(out, "    enabled", Boolean.toString(webhook.enabled()));
        line(out, "    bind", scalar(webhook.bindAddress()));
        line(out, "    port", Integer.toString(webhook.port()));
        line(out, "    path", scalar(webhook.path()));
        line(out, "    maxBodyBytes", Integer.toString(webhook.maxBodyBytes()));
        if (webhook.consumerSecret() == null) {
            out.append("    consumerSecret: null  # the accounts' consumerSecret\n");
        } else {
            ConfigPrinter.secret(out, "    consumerSecret", webhook.consumerSecret());
        }
    }

    private static String span(Duration span) {
        return scalar(Spans.format(span));
    }
}
