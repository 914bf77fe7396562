package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.bot.StreamRule;
import dev.bridle.platform.PlatformException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The filtered stream's rules ({@code GET} and {@code POST /2/tweets/search/stream/rules}), one rule added per call.
 *
 * <p>A rule the platform refuses comes back in one of two ways: a 400 (a rule that does not parse, is too long, or
 * would pass the app's cap), which the seam ({@link SignedHttp}) classifies with the problem's own words, or a 200 that
 * created nothing and lists {@code errors} (a duplicate), which is {@link PlatformException.Kind#REJECTED} here with
 * the problem's title and detail. Messages name the rule's id where the platform gives one, never the rule's text: they
 * reach the ledger.
 *
 * <p>X serves these endpoints with an app-only bearer token only (OAuth 1.0a user context is its 403 "Unsupported
 * Authentication"), so they go out with the app's token ({@link AppBearer}), not the account's signature; the rules are
 * the app's, whichever of its accounts asks.
 */
final class StreamRulesV2 {
    private final Urls urls;

    StreamRulesV2(Urls urls) {
        this.urls = urls;
    }

    List<StreamRule> list(Session session) throws PlatformException {
        JsonNode body = session.http()
                .getAsApp(Endpoint.V2_STREAM_RULES, url(), Map.of())
                .body();
        List<StreamRule> rules = new ArrayList<>();
        for (JsonNode r : body.path("data")) {
            StreamRule rule = rule(r);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return List.copyOf(rules);
    }

    StreamRule add(Session session, String value, String tag) throws PlatformException {
        ObjectNode body = Json.object();
        ObjectNode rule = body.putArray("add").addObject();
        rule.put("value", value);
        if (tag != null) {
            rule.put("tag", tag);
        }
        JsonNode answer = session.http()
                .postJsonAsApp(Endpoint.V2_CHANGE_STREAM_RULES, url(), body)
                .body();
        StreamRule created = rule(answer.path("data").path(0));
        if (created != null
                && answer.path("meta").path("summary").path("created").asInt(1) > 0) {
            return created;
        }
        throw refused(answer);
    }

    Set<String> delete(Session session, Collection<String> ids) throws PlatformException {
        if (ids.isEmpty()) {
            return Set.of();
        }
        ObjectNode body = Json.object();
        ArrayNode list = body.putObject("delete").putArray("ids");
        ids.forEach(list::add);
        JsonNode answer = session.http()
                .postJsonAsApp(Endpoint.V2_CHANGE_STREAM_RULES, url(), body)
                .body();
        Set<String> deleted = new LinkedHashSet<>(ids);
        for (JsonNode e : answer.path("errors")) {
            deleted.remove(Json.text(e, "value"));
        }
        int reported = answer.path("meta").path("summary").path("deleted").asInt(-1);
        if (reported >= 0 && reported != deleted.size()) {
            throw new PlatformException(
                    PlatformException.Kind.NOT_APPLIED,
                    Endpoint.V2_CHANGE_STREAM_RULES + " reported " + reported + " rules deleted but explained "
                            + (ids.size() - deleted.size()) + " of " + ids.size() + " as not deleted");
        }
        return Set.copyOf(deleted);
    }

    private String url() {
        return urls.v2() + "tweets/search/stream/rules";
    }

    /** A 2xx that created nothing: the platform's first problem, by title and detail (and the kept rule's id). */
    private static PlatformException refused(JsonNode answer) {
        JsonNode e = answer.path("errors").path(0);
        if (e.isMissingNode()) {
            return new PlatformException(
                    PlatformException.Kind.NOT_APPLIED,
                    Endpoint.V2_CHANGE_STREAM_RULES + " answered without the rule and without a reason");
        }
        String title = Json.text(e, "title");
        String detail = Json.text(e, "detail");
        String id = Json.text(e, "id");
        String said = (title == null ? "refused" : title)
                + (detail == null ? "" : ": " + detail)
                + (id == null ? "" : " (the app already has it as rule " + id + ")");
        return new PlatformException(
                PlatformException.Kind.REJECTED,
                Endpoint.V2_CHANGE_STREAM_RULES + " did not create the rule: " + said,
                200,
                -1,
                null,
                null);
    }

    private static StreamRule rule(JsonNode r) {
        String id = Json.text(r, "id");
        String value = Json.text(r, "value");
        return id == null || value == null ? null : new StreamRule(id, value, Json.text(r, "tag"));
    }
}
