package dev.bridle.testkit;

import dev.bridle.audit.LedgerEvent;
import dev.bridle.bot.ReasonCode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What became of one action, as the ledger recorded it: sent, denied, deferred, failed or in doubt, with the people it
 * reached by handle and, for what was sent, the text the platform shows.
 *
 * @param at when it was recorded
 * @param bot the bot that asked ({@code bridle-keywords} for Bridle's own opt-out and help answers)
 * @param account the account it acted as
 * @param kind the kind of action ({@code REPLY}, {@code POST}, {@code DIRECT_MESSAGE}, ...)
 * @param event what happened
 * @param reason why, for anything but a send, or {@code null}
 * @param message the sentence the ledger gives, or {@code null}
 * @param to the handles of the users it targets (the person replied to, the recipient, those mentioned)
 * @param text what the platform shows for a sent post, reply or message, or {@code null}
 */
public record Outcome(
        Instant at,
        String bot,
        String account,
        String kind,
        LedgerEvent event,
        ReasonCode reason,
        String message,
        List<String> to,
        String text) {

    public Outcome {
        to = List.copyOf(to);
    }

    /** Whether it reached the platform. */
    public boolean sent() {
        return event == LedgerEvent.SENT;
    }

    /** Whether it reaches {@code handle} (without the {@code @}, in any case). */
    public boolean reaches(String handle) {
        String h = handle.startsWith("@") ? handle.substring(1) : handle;
        return to.stream().anyMatch(t -> t.equalsIgnoreCase(h));
    }

    /** The reason, if it was not sent. */
    public Optional<ReasonCode> why() {
        return Optional.ofNullable(reason);
    }

    @Override
    public String toString() {
        return event + " " + kind + " by " + bot + " as @" + account + " to " + to
                + (reason == null ? "" : " (" + reason + ": " + message + ")")
                + (text == null ? "" : " \"" + text + "\"");
    }
}
