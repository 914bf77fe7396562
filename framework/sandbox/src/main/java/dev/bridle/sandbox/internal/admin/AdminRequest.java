package dev.bridle.sandbox.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** An admin request: path parameters, query parameters and the JSON body (an empty object when there is none). */
record AdminRequest(Map<String, String> path, Map<String, String> query, JsonNode body) {

    /** A required text field of the body: 400 naming it when absent. */
    String required(String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || v.asText().isBlank()) {
            throw new AdminException(400, "the JSON body needs \"" + field + "\"");
        }
        return v.asText();
    }

    /** An optional text field of the body. */
    String optional(String field) {
        JsonNode v = body.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
