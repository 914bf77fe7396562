package dev.bridle.internal.inbound;

import com.twitter.twittertext.Extractor;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentRegistry;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.optout.Classification;
import dev.bridle.internal.optout.KeywordMatcher;
import dev.bridle.internal.optout.NoticeKind;
import dev.bridle.internal.optout.OptOutRecorded;
import dev.bridle.internal.optout.OptOutRegistry;
import dev.bridle.internal.optout.QueuedActions;
import dev.bridle.internal.optout.Replies;
import dev.bridle.internal.optout.Trigger;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first thing every inbound mention and direct message meets, before any bot: opt-out, opt-in and help keywords
 * ({@link KeywordMatcher}).
 *
 * <ul>
 *   <li><b>Opt-out.</b> Recorded durably first; then waiting actions towards the user are cancelled; then, if contact
 *       from this account was not already suppressed, the one confirmation is claimed and sent. The message reaches no
 *       bot.
 *   <li><b>Maybe an opt-out.</b> The same, recorded as a suspicion, and the one question is asked instead. A STOP that
 *       follows confirms it, and gets no second message: one message per suppression episode (FCC 24-24 allows one
 *       confirmation, which may ask for clarification).
 *   <li><b>Opt-in.</b> An explicit consent to the scopes the configured notice offers, with the message and the
 *       notice's hash as evidence; it lifts the user's opt-out on those accounts. Acknowledged. Reaches no bot.
 *   <li><b>Help.</b> The help text. Reaches no bot.
 *   <li><b>Anything else</b> goes on to the bots. A mention carrying the configured consent hashtag first records a
 *       single-use consent to one reply to it (off by default).
 * </ul>
 *
 * A store that cannot record makes this step throw, and the router then keeps the message from the bots: nothing
 * answers a user whose opt-out could not be recorded.
 */
public final class OptOutKeywordStep implements InboundStep {

    private static final Logger log = LoggerFactory.getLogger(OptOutKeywordStep.class);
    private static final Extractor EXTRACTOR = new Extractor();

    private final Supplier<KeywordMatcher> keywords;
    private final OptOutRegistry optOuts;
    private final ConsentRegistry consents;
    private final ComplianceReplies replies;
    private final QueuedActions queued;

    /**
     * @param keywords the matcher in use, asked once per message (for a hot-reloaded file: {@code () -> { file.poll();
     *     return file.matcher(); }}, see {@link dev.bridle.internal.config.KeywordFile#polledMatcher()})
     * @param queued actions waiting to be sent, to cancel those towards a user who opts out
     */
    public OptOutKeywordStep(
            Supplier<KeywordMatcher> keywords,
            OptOutRegistry optOuts,
            ConsentRegistry consents,
            ComplianceReplies replies,
            QueuedActions queued) {
        this.keywords = Objects.requireNonNull(keywords, "keywords");
        this.optOuts = Objects.requireNonNull(optOuts, "optOuts");
        this.consents = Objects.requireNonNull(consents, "consents");
        this.replies = Objects.requireNonNull(replies, "replies");
        this.queued = Objects.requireNonNull(queued, "queued");
    }

    @Override
    public Outcome handle(InboundEvent event) {
        KeywordMatcher matcher = keywords.get();
        Classification c = matcher.classify(event.text());
        Replies texts = matcher.keywords().replies(c.language());
        Evidence evidence = new Evidence(
                event.kind() == InboundEvent.Kind.MENTION ? Channel.MENTION : Channel.DIRECT_MESSAGE,
                event.id(),
                event.text(),
                "to @" + event.account().handle());
        String user = event.author().id();
        String account = event.account().handle();
        switch (c.messageClass()) {
            case OPT_OUT -> {
                OptOutRecorded recorded = optOuts.optOut(user, account, evidence, Trigger.of(c, matcher.keywords()));
                cancelQueued(user);
                if (optOuts.settings().confirm()) {
                    notifyOnce(event, recorded, NoticeKind.OPT_OUT_CONFIRMATION, texts.optOut());
                }
            }
            case AMBIGUOUS -> {
                OptOutRecorded recorded = optOuts.suspect(user, account, evidence, Trigger.of(c, matcher.keywords()));
                cancelQueued(user);
                if (optOuts.settings().askWhenAmbiguous()) {
                    notifyOnce(event, recorded, NoticeKind.AMBIGUITY_QUESTION, texts.ambiguous());
                }
            }
            case OPT_IN -> {
                ConsentSettings settings = consents.settings();
                consents.grant(ConsentGrant.of(user, settings.notice().scopes(), evidence)
                        .account(optOuts.keyFor(account))
                        .language(c.language()));
                replies.answer(event, texts.optIn());
            }
            case HELP -> replies.answer(event, texts.help());
            case NONE -> {
                interactionConsent(event, evidence);
                return Outcome.CONTINUE;
            }
        }
        return Outcome.CONSUMED;
    }

    private void notifyOnce(InboundEvent event, OptOutRecorded recorded, NoticeKind kind, String text) {
        if (recorded.wasSuppressed() || !optOuts.claimNotice(recorded, kind)) {
            log.info("{} of {} recorded; they had their one message for this opt-out already", kind, event.author());
            return;
        }
        replies.answer(event, text);
    }

    private void cancelQueued(String user) {
        try {
            int cancelled = queued.cancelTowards(user);
            if (cancelled > 0) {
                log.info("cancelled {} waiting actions towards user {} after their opt-out", cancelled, user);
            }
        } catch (RuntimeException e) {
            // The final check stops whatever was not cancelled.
            log.error("could not cancel the waiting actions towards user {}", user, e);
        }
    }

    /** A mention with the configured hashtag: consent to one reply to that mention. */
    private void interactionConsent(InboundEvent event, Evidence evidence) {
        String tag = consents.settings().interactionHashtag();
        if (tag == null || event.kind() != InboundEvent.Kind.MENTION) {
            return;
        }
        boolean tagged = EXTRACTOR.extractHashtags(event.text()).stream()
                .anyMatch(h -> h.toLowerCase(Locale.ROOT).equals(tag));
        if (tagged) {
            consents.grant(ConsentGrant.of(event.author().id(), Set.of(ConsentScope.REPLY), evidence)
                    .account(event.account().handle())
                    .forInteraction(event.id()));
        }
    }
}
