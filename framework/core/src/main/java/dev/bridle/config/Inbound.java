package dev.bridle.config;

/** The inbound messages a bot can handle: its {@code onMention} and {@code onDirectMessage}. */
public enum Inbound {
    /** Posts that @mention the bot's account. */
    MENTIONS,
    /** Direct messages to the bot's account. */
    DIRECT_MESSAGES
}
