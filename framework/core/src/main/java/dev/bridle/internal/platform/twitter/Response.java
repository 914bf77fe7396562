package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A successful platform answer.
 *
 * @param status the HTTP status (2xx)
 * @param body the parsed JSON body
 */
record Response(int status, JsonNode body) {

    /** {@code body.data}, or a missing node. */
    JsonNode data() {
        return body.path("data");
    }
}
