package dev.bridle.internal.inbound;

import com.twitter.twittertext.Extractor;
import dev.bridle.bot.ActionResult;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionOrigin;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends Bridle's answers to keywords (the opt-out confirmation, the question, the opt-in acknowledgement, the help
 * text) the way the user wrote: a reply to a mention, a direct message to a direct message. They go through the normal
 * dispatcher, so they are ledgered and pass the environment, content and dry-run guards; as
 * {@link ActionOrigin#COMPLIANCE} they are exempt from consent and opt-out towards that user only. A text
 * that @mentions anyone is not sent: the exemption must not reach a third person.
 *
 * <p>They are owed to the user, so they are durable work: the runtime's sender queues each one in the store before its
 * first try and tries it again, with a growing backoff, when a guard cannot decide, the ledger cannot record or the
 * platform cannot be reached, until it is sent or definitely refused (a denial that is not a passing failure, an
 * account the platform refused). The one confirmation after an opt-out is claimed before it is queued; a crash in the
 * milliseconds between the two loses it rather than risk sending it twice.
 *
 * <p>A reply starts with the user's own @handle (when known), so that the same confirmation sent to two people is not
 * the same post: the platform refuses an account's identical posts (code 187).
 */
public final class ComplianceReplies {

    /** The bot name these messages carry in the ledger. */
    public static final String SENDER = "bridle-keywords";

    private static final Logger log = LoggerFactory.getLogger(ComplianceReplies.class);
    private static final Extractor EXTRACTOR = new Extractor();

    private final Function<ActionRequest, ActionResult> dispatcher;
    private final Clock clock;

    /**
     * @param dispatcher sends a request through the guards to the platform, queued durably and retried after passing
     *     failures (the runtime's owed-work sender)
     */
    public ComplianceReplies(Function<ActionRequest, ActionResult> dispatcher, Clock clock) {
        this.dispatcher = Objects.requireNonNull(dispatcher, "dispatcher");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Answers {@code event} with {@code text}; empty when the text may not be sent (it mentions someone). */
    public Optional<ActionResult> answer(InboundEvent event, String text) {
        if (!EXTRACTOR.extractMentionedScreennames(text).isEmpty()) {
            log.error(
                    "not answering {} {} of {}: the configured reply mentions someone, and a compliance message "
                            + "may reach only the user it answers",
                    event.kind(),
                    event.id(),
                    event.author());
            return Optional.empty();
        }
        ActionRequest request = event instanceof InboundEvent.MentionEvent m
                ? new ActionRequest(
                        UUID.randomUUID(),
                        SENDER,
                        event.account(),
                        ActionKind.REPLY,
                        addressed(m.author(), text),
                        List.of(new Target(m.author(), TargetRole.REPLIED_TO)),
                        m.mention().post(),
                        m.id(),
                        clock.instant(),
                        ActionOrigin.COMPLIANCE)
                : new ActionRequest(
                        UUID.randomUUID(),
                        SENDER,
                        event.account(),
                        ActionKind.DIRECT_MESSAGE,
                        text,
                        List.of(new Target(event.author(), TargetRole.RECIPIENT)),
                        null,
                        event.id(),
                        clock.instant(),
                        ActionOrigin.COMPLIANCE);
        ActionResult result = dispatcher.apply(request);
        if (result instanceof ActionResult.Deferred deferred && deferred.rescheduled()) {
            log.info(
                    "the answer to {} {} of {} goes later: {}",
                    event.kind(),
                    event.id(),
                    event.author(),
                    result.reason());
        } else if (!result.sent()) {
            log.warn(
                    "the answer to {} {} of {} was not sent: {}",
                    event.kind(),
                    event.id(),
                    event.author(),
                    result.reason());
        }
        return Optional.of(result);
    }

    private static String addressed(UserRef user, String text) {
        return user.handle() == null ? text : "@" + user.handle() + " " + text;
    }
}
