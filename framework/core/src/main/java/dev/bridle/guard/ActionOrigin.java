package dev.bridle.guard;

/**
 * Who asked for an action: a bot, or Bridle itself answering an opt-out, opt-in or help keyword.
 *
 * <p>A {@link #COMPLIANCE} message is the one confirmation after an opt-out, the one question after a message that may
 * be one, the acknowledgement of an opt-in, or the help text. It is exempt from consent and opt-out towards the user it
 * answers (its reply target or message recipient), and from nothing else: it is ledgered and passes the environment,
 * content and dry-run guards like any action. Only the opt-out keyword handling creates it.
 */
public enum ActionOrigin {
    /** An action a bot asked for through {@code GuardedActions}. */
    BOT,
    /** Bridle's own answer to an opt-out, opt-in or help keyword. */
    COMPLIANCE
}
