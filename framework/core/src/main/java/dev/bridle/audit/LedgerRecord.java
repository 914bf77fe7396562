package dev.bridle.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * One decision or outcome, as it goes into the ledger. Text is never stored, only its hash; credentials never appear.
 *
 * @param at when it happened
 * @param requestId the action it belongs to (decision and outcome share it), or {@code null} for a bot error or an
 *     identity link (which no platform call follows)
 * @param bot the bot
 * @param account the account handle
 * @param actionKind the kind of action, or {@code null} for a bot error
 * @param targets the targeted user ids
 * @param contentHash SHA-256 of the text, hex, or {@code null}
 * @param event what happened
 * @param guard the guard that decided, or {@code null}
 * @param reason the reason code, or {@code null}
 * @param rule the rule the reason enforces, or {@code null}
 * @param message a sentence for people, or {@code null}
 * @param platformId the platform's id for a sent action, or {@code null}
 * @param error the error for a failure, or {@code null}
 */
public record LedgerRecord(
        Instant at,
        UUID requestId,
        String bot,
        String account,
        String actionKind,
        List<String> targets,
        String contentHash,
        LedgerEvent event,
        String guard,
        String reason,
        String rule,
        String message,
        String platformId,
        String error) {

    public LedgerRecord {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(event, "event");
        targets = targets == null ? List.of() : List.copyOf(targets);
    }
}
