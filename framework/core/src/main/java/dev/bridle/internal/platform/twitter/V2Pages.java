package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.platform.PlatformException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads a v2 list endpoint page by page: each request carries the {@code pagination_token} the previous answer gave as
 * {@code meta.next_token}, until there is none, the reader has what it needs, or a number of pages has been read.
 */
final class V2Pages {

    private V2Pages() {}

    /** What is done with one page's body. */
    @FunctionalInterface
    interface PageReader {

        /** Reads {@code body}; true when nothing more is needed. */
        boolean read(JsonNode body) throws PlatformException;
    }

    /** How reading ended. */
    enum End {
        /** The reader had what it needed. */
        STOPPED,
        /** The last page was read. */
        LAST_PAGE,
        /** The page limit was reached with more pages left. */
        PAGE_LIMIT;

        /** Whether nothing the reader needed was left unread. */
        boolean complete() {
            return this != PAGE_LIMIT;
        }
    }

    /**
     * Gets {@code url} with {@code query} (and the token of the next page) for up to {@code maxPages} pages, handing
     * each body to {@code reader}.
     */
    static End read(
            Session session, Endpoint endpoint, String url, Map<String, String> query, int maxPages, PageReader reader)
            throws PlatformException {
        String token = null;
        for (int page = 0; page < maxPages; page++) {
            Map<String, String> pageQuery = new LinkedHashMap<>(query);
            if (token != null) {
                pageQuery.put("pagination_token", token);
            }
            JsonNode body = session.http().get(endpoint, url, pageQuery).body();
            if (reader.read(body)) {
                return End.STOPPED;
            }
            token = Json.text(body.path("meta"), "next_token");
            if (token == null) {
                return End.LAST_PAGE;
            }
        }
        return End.PAGE_LIMIT;
    }

    /** Whether an item of the page's {@code data} has the id {@code id}. */
    static boolean hasItem(JsonNode body, String id) {
        for (JsonNode item : body.path("data")) {
            if (id.equals(Json.text(item, "id"))) {
                return true;
            }
        }
        return false;
    }

    /** The handles of the users the page expanded ({@code includes.users}), by id. */
    static Map<String, String> handles(JsonNode body) {
        Map<String, String> handles = new HashMap<>();
        for (JsonNode user : body.path("includes").path("users")) {
            handles.put(Json.text(user, "id"), Json.text(user, "username"));
        }
        return handles;
    }
}
