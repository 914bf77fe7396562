package dev.bridle.sandbox.internal.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An answer before it is written: status, JSON body and extra headers (rate-limit headers are added by the dispatcher).
 */
public record ApiResponse(int status, JsonNode body, Map<String, String> headers) {

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse ok(JsonNode body) {
        return new ApiResponse(200, body, Map.of());
    }

    public static ApiResponse created(JsonNode body) {
        return new ApiResponse(201, body, Map.of());
    }

    /** The same answer with one more header. */
    public ApiResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new ApiResponse(status, body, copy);
    }
}
