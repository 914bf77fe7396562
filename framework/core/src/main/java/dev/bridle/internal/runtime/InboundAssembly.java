package dev.bridle.internal.runtime;

import dev.bridle.bot.Account;
import dev.bridle.config.Inbound;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.BotConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.config.Credentials;
import dev.bridle.internal.config.KeywordFile;
import dev.bridle.internal.config.KeywordFileReader;
import dev.bridle.internal.inbound.ComplianceReplies;
import dev.bridle.internal.inbound.InboundClaims;
import dev.bridle.internal.inbound.InboundEvent;
import dev.bridle.internal.inbound.InboundLog;
import dev.bridle.internal.inbound.InboundPoller;
import dev.bridle.internal.inbound.InboundRouter;
import dev.bridle.internal.inbound.OptOutKeywordStep;
import dev.bridle.internal.inbound.PollLeases;
import dev.bridle.internal.node.NodeRegistry;
import dev.bridle.internal.optout.KeywordMatcher;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.Database;
import dev.bridle.platform.Platform;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Builds a runtime's inbound path for {@link RuntimeAssembly}: the router (each message claimed once across nodes, the
 * opt-out keywords first, then the bots that subscribe to its kind on its account), the poller of every verified
 * account, and the secret that signs webhook events.
 */
final class InboundAssembly {

    private final BridleConfig config;
    private final ContactSettings contact;
    private final Clock clock;
    private final Database database;
    private final NodeRegistry node;

    InboundAssembly(BridleConfig config, ContactSettings contact, Clock clock, Database database, NodeRegistry node) {
        this.config = config;
        this.contact = contact;
        this.clock = clock;
        this.database = database;
        this.node = node;
    }

    /** Inbound messages: claimed once across nodes, the opt-out keywords first, then the bots that subscribe. */
    InboundRouter router(PlanRules rules, DeferredActions deferred, BotRunner runner, Map<String, Account> accounts) {
        OptOutKeywordStep keywordStep = new OptOutKeywordStep(
                keywords(), rules.optOuts, rules.consents, new ComplianceReplies(deferred::sendOwed, clock), deferred);
        return new InboundRouter(
                new InboundClaims(database, clock, node),
                List.of(keywordStep),
                runner,
                subscribers(),
                verified(accounts).stream().map(Account::userId).collect(Collectors.toSet()));
    }

    /** Polls every verified account's mentions and direct messages, one node at a time (leases). */
    InboundPoller poller(Platform platform, InboundRouter inbound, Map<String, Account> accounts) {
        return new InboundPoller(
                platform,
                new InboundLog(database, clock),
                inbound,
                verified(accounts),
                new PollLeases(
                        database,
                        clock,
                        node,
                        Map.of(
                                InboundEvent.Kind.MENTION,
                                config.inbound().pollMentionsEvery(),
                                InboundEvent.Kind.DIRECT_MESSAGE,
                                config.inbound().pollDirectMessagesEvery())));
    }

    /** The accounts the platform verified (a refused one has no user id). */
    private static List<Account> verified(Map<String, Account> accounts) {
        return accounts.values().stream().filter(a -> a.userId() != null).toList();
    }

    /** The configured keyword file, reread when it changes; the shipped keywords if none is configured. */
    private Supplier<KeywordMatcher> keywords() {
        if (contact.optOut().keywordFile() == null) {
            KeywordMatcher shipped = KeywordMatcher.of(KeywordFileReader.defaults());
            return () -> shipped;
        }
        return KeywordFile.open(contact.optOut().keywordFile(), clock).polledMatcher();
    }

    /** The consumer secret that signs webhook events: configured, else the accounts' (one app signs them all). */
    Secret webhookSecret() {
        if (contact.webhook().consumerSecret() != null) {
            return contact.webhook().consumerSecret();
        }
        return config.accounts().stream()
                .map(AccountConfig::credentials)
                .filter(Objects::nonNull)
                .map(Credentials::consumerSecret)
                .findFirst()
                .orElseThrow(
                        () -> new IllegalStateException("the webhook is enabled but no consumer secret is configured: "
                                + "set the webhook's consumerSecret or give an account its credentials"));
    }

    /** For each inbound kind, account handle to the bots that handle it. */
    private Map<InboundEvent.Kind, Map<String, List<String>>> subscribers() {
        Map<InboundEvent.Kind, Map<String, List<String>>> subscribers = new EnumMap<>(InboundEvent.Kind.class);
        for (BotConfig bot : config.bots()) {
            for (Inbound kind : bot.inbound()) {
                InboundEvent.Kind event =
                        kind == Inbound.MENTIONS ? InboundEvent.Kind.MENTION : InboundEvent.Kind.DIRECT_MESSAGE;
                subscribers
                        .computeIfAbsent(event, k -> new LinkedHashMap<>())
                        .computeIfAbsent(bot.account().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                        .add(bot.name());
            }
        }
        return subscribers;
    }
}
