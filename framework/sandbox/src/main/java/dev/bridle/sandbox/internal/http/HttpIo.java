package dev.bridle.sandbox.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import dev.bridle.internal.http.Deadline;
import dev.bridle.sandbox.internal.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/** Reading requests and writing answers on the JDK's HTTP server. */
public final class HttpIo {
    static final String JSON = "application/json; charset=utf-8";

    private HttpIo() {}

    /** The whole body; what the handler does after it is work, which no read deadline interrupts ({@link Deadline}). */
    public static byte[] body(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        Deadline.requestRead();
        return body;
    }

    public static String header(HttpExchange exchange, String name) {
        String v = exchange.getRequestHeaders().getFirst(name);
        return v == null ? "" : v;
    }

    /** Writes a JSON answer (or an empty one when {@code body} is null) with extra headers. */
    public static void write(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
            throws IOException {
        Deadline.answering();
        headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        byte[] bytes = body == null ? new byte[0] : Json.bytes(body);
        if (body != null) {
            exchange.getResponseHeaders().set("content-type", JSON);
        }
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /**
     * Closes the connection without an answer. The JDK server closes the socket when an exchange is closed before its
     * response headers were sent, so the client reads end-of-stream where the status line should be.
     */
    public static void drop(HttpExchange exchange) {
        exchange.close();
    }
}
