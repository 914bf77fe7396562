package dev.bridle.internal.read;

import dev.bridle.config.Purpose;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * One read a bot asks for, as the read plan sees it.
 *
 * @param id this read's id, shared by its decision and outcome rows in the ledger
 * @param bot the bot
 * @param account the account it reads as
 * @param purposes the bot's declared purposes
 * @param kind what it reads
 * @param query what it asks for: the handle, the id, the search query; {@code null} for the own account's lists. Only
 *     its hash reaches the ledger.
 */
public record ReadRequest(UUID id, String bot, String account, Set<Purpose> purposes, ReadKind kind, String query) {

    public ReadRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(bot, "bot");
        Objects.requireNonNull(account, "account");
        purposes = Set.copyOf(purposes);
        Objects.requireNonNull(kind, "kind");
    }
}
