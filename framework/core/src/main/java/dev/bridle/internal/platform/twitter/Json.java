package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.internal.text.PlatformText;
import dev.bridle.platform.PlatformException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** Reading the platform's JSON. */
final class Json {

    /** v1.1 dates: {@code "Wed Oct 10 20:19:24 +0000 2018"}. */
    private static final DateTimeFormatter V1_DATE =
            DateTimeFormatter.ofPattern("EEE MMM dd HH:mm:ss Z yyyy", Locale.ENGLISH);

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A text field, or {@code null} if absent, null or not a value. */
    static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    /** A v2 post's text as written ({@link PlatformText#postAsWritten}), or {@code null}. */
    static String v2PostText(JsonNode post) {
        return PlatformText.postAsWritten(text(post, "text"), post.get("entities"));
    }

    /** A v1.1 status's text ({@code full_text}, else {@code text}) as written, or {@code null}. */
    static String v1StatusText(JsonNode status) {
        String full = text(status, "full_text");
        return PlatformText.postAsWritten(full != null ? full : text(status, "text"), status.get("entities"));
    }

    /** A v2 DM event's text as written ({@link PlatformText#messageAsWritten}), or {@code null}. */
    static String v2MessageText(JsonNode event) {
        return PlatformText.messageAsWritten(text(event, "text"), event.get("entities"));
    }

    /**
     * A field the platform always sends on success. Missing after a write that answered 2xx, the write took effect but
     * its id is unknown: in doubt.
     */
    static String required(JsonNode node, String field, Endpoint endpoint) throws PlatformException {
        String v = text(node, field);
        if (v == null || v.isBlank()) {
            throw new PlatformException(
                    endpoint.writes() ? PlatformException.Kind.IN_DOUBT : PlatformException.Kind.REJECTED,
                    endpoint + " answered without " + field);
        }
        return v;
    }

    /** A v2 {@code created_at} (RFC 3339), or {@code null}. */
    static Instant v2Time(JsonNode node) {
        String v = text(node, "created_at");
        try {
            return v == null ? null : Instant.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** A v1.1 {@code created_at}, or {@code null}. */
    static Instant v1Time(JsonNode node) {
        String v = text(node, "created_at");
        try {
            return v == null ? null : ZonedDateTime.parse(v, V1_DATE).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
