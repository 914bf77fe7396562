package dev.bridle.internal.consent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.text.SurrogateEscapes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Consent receipts as JSON, one per grant, for the user or an auditor. The top-level and {@code services[].purposes[]}
 * fields are those of the Kantara Consent Receipt Specification v1.1 (on which ISO/IEC TS 27560 is based):
 * {@code version}, {@code jurisdiction}, {@code consentTimestamp} (seconds since the epoch), {@code collectionMethod},
 * {@code consentReceiptID}, {@code language}, {@code piiPrincipalId}, {@code piiControllers}, {@code policyUrl},
 * {@code services}, {@code sensitive}, {@code spiCat}; per purpose {@code purpose}, {@code purposeCategory},
 * {@code consentType}, {@code piiCategory}, {@code primaryPurpose}, {@code termination}, {@code thirdPartyDisclosure}.
 *
 * <p>ISO/IEC TS 27560 asks for more than Kantara has: the privacy notice, the withdrawal method, the validity duration
 * and the events with their time, type, state and the entity that caused them. Those are under their 27560 names
 * ({@code privacyNotice}, {@code withdrawalMethod}, {@code validityDuration}, {@code events[]} with {@code eventTime},
 * {@code eventType}, {@code eventState}, {@code entityId}). Bridle's own evidence (the message id and text, or the
 * operator's reference) is under {@code evidence}; {@code status} is the grant's state when exported ({@code given}
 * while any of its scopes is in force) and {@code scopesInForce} lists those scopes.
 */
public final class ConsentReceipts {

    /** The Kantara specification version receipts follow. */
    public static final String VERSION = "KI-CR-v1.1.0";

    /** What Bridle keeps about a user, for {@code piiCategory}. */
    static final List<String> PII_CATEGORIES =
            List.of("X user id", "the posts and direct messages the user sends to the operator's accounts");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static {
        // Evidence holds users' own words: half an emoji in one must not fail the export (SurrogateEscapes says why).
        JSON.getFactory().setCharacterEscapes(new SurrogateEscapes());
    }

    private final ConsentSettings settings;

    public ConsentReceipts(ConsentSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Every grant of the user, as receipts, with the moment of export: {@code {piiPrincipalId, exportedAt, receipts}}.
     */
    public ObjectNode export(ConsentState state, Instant at) {
        ObjectNode out = JSON.createObjectNode();
        out.put("piiPrincipalId", state.subjectId());
        out.put("exportedAt", at.toString());
        ArrayNode receipts = out.putArray("receipts");
        for (ConsentEvent e : state.history()) {
            if (e.type() == ConsentEventType.GIVEN) {
                receipts.add(receipt(e, state, at));
            }
        }
        return out;
    }

    /** The receipt of {@code grant}, with what happened to it later in {@code state}'s history. */
    public ObjectNode receipt(ConsentEvent grant, ConsentState state, Instant at) {
        if (grant.type() != ConsentEventType.GIVEN) {
            throw new IllegalArgumentException("a receipt is for a grant, not a " + grant.type() + " event");
        }
        List<ConsentEvent> later = laterEvents(grant, state);
        ObjectNode r = JSON.createObjectNode();
        r.put("version", VERSION);
        r.put("jurisdiction", grant.jurisdiction());
        r.put("consentTimestamp", grant.at().getEpochSecond());
        r.put("collectionMethod", collectionMethod(grant));
        r.put("consentReceiptID", grant.eventId().toString());
        r.put("language", grant.language());
        r.put("piiPrincipalId", grant.subjectId());
        ObjectNode controller = r.putArray("piiControllers").addObject();
        controller.put("piiController", grant.operator());
        controller.put("onBehalf", false);
        controller.put("contact", settings.controllerContact());
        r.put("policyUrl", settings.policyUrl());
        ObjectNode service = r.putArray("services").addObject();
        service.put(
                "service",
                "automated contact on X from "
                        + (grant.account().equals(ConsentEvent.ALL_ACCOUNTS)
                                ? "every account of " + grant.operator()
                                : "@" + grant.account()));
        ArrayNode purposes = service.putArray("purposes");
        for (ConsentScope scope : grant.scopes().stream().sorted().toList()) {
            ObjectNode p = purposes.addObject();
            p.put("purpose", scope.purpose());
            p.putArray("purposeCategory").add(scope.wireName());
            p.put("consentType", "EXPLICIT");
            ArrayNode pii = p.putArray("piiCategory");
            PII_CATEGORIES.forEach(pii::add);
            p.put("primaryPurpose", true);
            p.put("termination", termination(grant));
            p.put("thirdPartyDisclosure", false);
        }
        r.put("sensitive", false);
        r.putArray("spiCat");
        ObjectNode notice = r.putObject("privacyNotice");
        notice.put("version", grant.notice() == null ? null : grant.notice().version());
        notice.put("sha256", grant.notice() == null ? null : grant.notice().sha256());
        notice.put("policyVersion", grant.policyVersion());
        r.put("withdrawalMethod", withdrawalMethod());
        r.put(
                "validityDuration",
                grant.expiresAt() == null ? null : iso(Duration.between(grant.at(), grant.expiresAt())));
        r.put("expiresAt", grant.expiresAt() == null ? null : grant.expiresAt().toString());
        ArrayNode events = r.putArray("events");
        event(events, grant);
        later.forEach(e -> event(events, e));
        ObjectNode evidence = r.putObject("evidence");
        evidence.put("channel", grant.evidence().channel().name());
        evidence.put("inboundId", grant.evidence().inboundId());
        evidence.put("inboundText", grant.evidence().inboundText());
        evidence.put("reference", grant.evidence().reference());
        if (grant.isInteraction()) {
            evidence.put("interactionId", grant.interactionId());
        }
        List<ConsentScope> inForce = inForce(grant, later, at);
        r.put("status", status(grant, later, inForce, at));
        ArrayNode scopes = r.putArray("scopesInForce");
        inForce.forEach(scope -> scopes.add(scope.wireName()));
        return r;
    }

    /** {@code node} as indented JSON text. */
    public static String toJson(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a receipt as JSON", e);
        }
    }

    /** Later events that end some of the grant: withdrawals and invalidations that overlap it, and its use. */
    private static List<ConsentEvent> laterEvents(ConsentEvent grant, ConsentState state) {
        List<ConsentEvent> later = new ArrayList<>();
        for (ConsentEvent e : state.history()) {
            if (e.seq() <= grant.seq()) {
                continue;
            }
            boolean overlaps = !Collections.disjoint(e.scopes(), grant.scopes())
                    && (e.account().equals(ConsentEvent.ALL_ACCOUNTS)
                            || e.account().equals(grant.account()));
            if ((e.type().ends() && overlaps)
                    || (e.type() == ConsentEventType.USED && grant.eventId().equals(e.refersTo()))) {
                later.add(e);
            }
        }
        return later;
    }

    private static void event(ArrayNode events, ConsentEvent e) {
        ObjectNode n = events.addObject();
        n.put("eventTime", e.at().toString());
        n.put("eventType", e.type().name());
        n.put("eventState", e.type().isoState());
        n.put("entityId", e.evidence().channel().isInbound() ? e.subjectId() : e.operator());
        n.put("scopes", ConsentScope.toList(e.scopes()));
        n.put("account", e.account());
    }

    /** The grant's scopes that no later event ended, if it has not lapsed. */
    private static List<ConsentScope> inForce(ConsentEvent grant, List<ConsentEvent> later, Instant at) {
        if (grant.expiredAt(at) || later.stream().anyMatch(e -> e.type() == ConsentEventType.USED)) {
            return List.of();
        }
        return grant.scopes().stream()
                .sorted()
                .filter(scope -> later.stream()
                        .noneMatch(e -> e.type().ends() && e.scopes().contains(scope)))
                .toList();
    }

    /** {@code given} while any scope is in force; else how it ended: the last event's state, or {@code expired}. */
    private static String status(ConsentEvent grant, List<ConsentEvent> later, List<ConsentScope> inForce, Instant at) {
        if (!inForce.isEmpty()) {
            return "given";
        }
        if (!later.isEmpty()) {
            return later.get(later.size() - 1).type().isoState();
        }
        return grant.expiredAt(at) ? "expired" : "given";
    }

    /** An ISO-8601 duration in whole days when it is whole days ({@code P365D}), else as {@link Duration} writes it. */
    private static String iso(Duration d) {
        return d.toSeconds() % 86_400 == 0 ? "P" + d.toDays() + "D" : d.toString();
    }

    private static String collectionMethod(ConsentEvent grant) {
        Evidence ev = grant.evidence();
        String ref = ev.reference() == null ? "" : " (" + ev.reference() + ")";
        return switch (ev.channel()) {
            case MENTION ->
                (grant.isInteraction()
                                ? "mention with the consent hashtag, post "
                                : "reply to the notice in a mention, post ")
                        + ev.inboundId()
                        + ref;
            case DIRECT_MESSAGE -> "reply to the notice in a direct message, event " + ev.inboundId() + ref;
            case API -> "recorded by the operator through the API" + ref;
            case CLI -> "recorded by the operator with bridle consent grant" + ref;
            case IMPORT -> "imported from an earlier record" + ref;
        };
    }

    private static String termination(ConsentEvent grant) {
        if (grant.isInteraction()) {
            return "ends after one reply to post " + grant.interactionId() + ", or at " + grant.expiresAt();
        }
        return "ends when withdrawn (reply STOP) or at " + grant.expiresAt();
    }

    private static String withdrawalMethod() {
        return "reply STOP to any of the operator's accounts, by mention or direct message; it takes effect at once";
    }
}
