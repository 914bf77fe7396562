package dev.bridle.internal.runtime;

import dev.bridle.bot.Account;
import dev.bridle.internal.audit.JdbcAuditLedger;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.inbound.InboundPoller;
import dev.bridle.internal.inbound.InboundRouter;
import dev.bridle.internal.node.NodeRegistry;
import dev.bridle.internal.schedule.BotScheduler;
import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.store.Database;
import dev.bridle.platform.Platform;
import java.time.Clock;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parts of one runtime as {@link RuntimeAssembly} built them, for {@link RuntimeStartup} to start and
 * {@link BridleRuntime} to hand out.
 *
 * @param config the configuration they were built from
 * @param clock the clock every part reads
 * @param contact the consent, opt-out and webhook settings
 * @param database the store, migrated
 * @param node this process among the nodes sharing the store
 * @param ledger the audit ledger, its anchor checked
 * @param rules what the plan's rules read: account health, consents, opt-outs, throttles, the duplicate index
 * @param platform the platform, connected
 * @param plan the decision plan every action passes
 * @param accounts the accounts by lower-case handle, with their user ids where verified
 * @param bots the bots, each with its context
 * @param inbound where inbound messages go, polled or pushed
 * @param poller polls every verified account's mentions and direct messages
 * @param scheduler runs the bots on their schedules and the deferred actions at their time (not started)
 * @param housekeeping the periodic purges (not started)
 * @param deferred the queue of deferred actions
 * @param webhookSecret the secret that signs webhook events, or {@code null} when the webhook is off
 */
record RuntimeParts(
        BridleConfig config,
        Clock clock,
        ContactSettings contact,
        Database database,
        NodeRegistry node,
        JdbcAuditLedger ledger,
        PlanRules rules,
        Platform platform,
        DecisionPlan plan,
        Map<String, Account> accounts,
        BotRunner bots,
        InboundRouter inbound,
        InboundPoller poller,
        BotScheduler scheduler,
        Housekeeping housekeeping,
        DeferredActions deferred,
        Secret webhookSecret) {

    RuntimeParts {
        accounts = Collections.unmodifiableMap(new LinkedHashMap<>(accounts)); // in the configuration's order
    }
}
