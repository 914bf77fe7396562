package dev.bridle.internal.runtime;

import dev.bridle.bot.BotState;
import dev.bridle.internal.people.FactScreen;
import dev.bridle.internal.store.BotStateStore;
import dev.bridle.internal.text.Identifiers;
import java.util.Objects;
import java.util.Optional;

/** A bot's {@link BotState}, kept in the store under the bot's name. */
final class StoredBotState implements BotState {

    static final int MAX_KEY_LENGTH = 200;
    static final int MAX_VALUE_LENGTH = 4_000;

    private final String bot;
    private final BotStateStore store;
    private final FactScreen screen;

    /**
     * @param screen the facts screen: a state value goes through the same check as a fact, so state cannot keep what
     *     {@code ctx.people()} would refuse
     */
    StoredBotState(String bot, BotStateStore store, FactScreen screen) {
        this.bot = bot;
        this.store = store;
        this.screen = screen;
    }

    @Override
    public Optional<String> get(String key) {
        return store.get(bot, checkKey(key));
    }

    @Override
    public void put(String key, String value) {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_VALUE_LENGTH) {
            throw new IllegalArgumentException("state values are at most " + MAX_VALUE_LENGTH + " characters; '" + key
                    + "' has " + value.length());
        }
        checkKey(key);
        screen.screen(key, value).ifPresent(sensitive -> {
            throw new IllegalArgumentException("state '" + key + "' would keep " + sensitive.category()
                    + " information, which is never derived, inferred or stored (X Developer Policy, restricted uses)");
        });
        store.put(bot, key, value);
    }

    @Override
    public void remove(String key) {
        store.remove(bot, checkKey(key));
    }

    private static String checkKey(String key) {
        Objects.requireNonNull(key, "key");
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException("state keys are 1 to " + MAX_KEY_LENGTH + " characters");
        }
        // Per-person data keyed by a user would escape the facts screen and forgetting: it belongs in ctx.people().
        Identifiers.heldIn(key).ifPresent(identifier -> {
            throw new IllegalArgumentException("state key holds " + identifier + ": state is the bot's own (a cursor,"
                    + " a counter); what the bot keeps about a person goes in ctx.people(), where it is screened for"
                    + " sensitive categories and forgotten when the person opts out");
        });
        return key;
    }
}
