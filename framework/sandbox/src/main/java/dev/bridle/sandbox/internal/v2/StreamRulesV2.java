package dev.bridle.sandbox.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.ErrorCode;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.json.TwitterDates;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The filtered stream's rule endpoints: {@code GET /2/tweets/search/stream/rules} (all the app's rules, or those named
 * by {@code ids}) and {@code POST /2/tweets/search/stream/rules} with {@code {"add":[{"value","tag"}]}} or
 * {@code {"delete":{"ids":[…]}}} / {@code {"delete":{"values":[…]}}}, {@code dry_run=true} (validated and answered,
 * nothing kept) and {@code delete_all=true}. Answers carry X's {@code data}, {@code meta.sent} and {@code meta.summary}
 * ({@code created}, {@code not_created}, {@code valid}, {@code invalid}; {@code deleted}, {@code not_deleted}) and
 * {@code errors} with X's problem types (x-api-v2.md §2.1: {@code duplicate-rules}, {@code invalid-rules},
 * {@code rule-length}, {@code rule-cap}).
 *
 * <p>An add is all or nothing, as on X (which is why the summary counts valid rules apart from created ones): a
 * duplicate (of a kept rule or of another in the same request) makes it a 200 that creates nothing, a rule that does
 * not parse or is too long a 400, more rules than the cap a 400 with the {@code rule-cap} problem. The rule syntax is
 * {@link SearchQuery}'s.
 *
 * <p>Authentication: as on X, an app-only bearer token only ({@code POST /oauth2/token}); a request signed with OAuth
 * 1.0a user context gets X's 403 "Unsupported Authentication" (see {@code BearerCheck}). The rules are kept under the
 * app the token was issued to.
 */
public final class StreamRulesV2 {
    /**
     * Pay-per-use: 1,000 rules per app (x-platform-2026.md, "Filtered stream on pay-per-use"; the rate-limits page).
     */
    public static final int RULE_CAP = 1000;

    /**
     * The longest rule, in characters: 1,024 (xdevplatform/docs {@code x-api/fundamentals/rate-limits.mdx}, filtered
     * stream: "1000 rules; 1024 rule length").
     */
    public static final int MAX_RULE_LENGTH = 1024;

    static final String PROBLEMS = "https://api.twitter.com/2/problems/";

    private final StreamRuleBook book;
    private final Clock clock;

    public StreamRulesV2(StreamRuleBook book, Clock clock) {
        this.book = book;
        this.clock = clock;
    }

    public List<Route> routes() {
        return List.of(
                Route.appOnly("GET", "/2/tweets/search/stream/rules", ApiVersion.V2, this::list),
                Route.appOnly("POST", "/2/tweets/search/stream/rules", ApiVersion.V2, this::change));
    }

    ApiResponse list(ApiRequest request) {
        Set<String> ids = request.list("ids");
        List<StreamRuleBook.Rule> rules = book.rules(request.app()).stream()
                .filter(r -> ids.isEmpty() || ids.contains(r.id()))
                .toList();
        ObjectNode out = Json.object();
        if (!rules.isEmpty()) {
            ArrayNode data = out.putArray("data");
            rules.forEach(r -> data.add(rule(r)));
        }
        ObjectNode meta = meta(out);
        meta.put("result_count", rules.size());
        return ApiResponse.ok(out);
    }

    ApiResponse change(ApiRequest request) {
        boolean dryRun = flag(request, "dry_run");
        if (flag(request, "delete_all")) {
            List<String> all = book.rules(request.app()).stream()
                    .map(StreamRuleBook.Rule::id)
                    .toList();
            return delete(request.app(), all, List.of(), dryRun);
        }
        JsonNode body = request.json();
        JsonNode add = body.get("add");
        JsonNode delete = body.get("delete");
        if ((add == null) == (delete == null)) {
            throw ErrorCode.INVALID_PARAMETER.exception(
                    "The request body must hold either 'add' or 'delete'",
                    "One or more parameters to your request was invalid.");
        }
        if (add != null) {
            return add(request.app(), drafts(add), dryRun);
        }
        List<String> ids = texts(delete.get("ids"), "delete.ids");
        List<String> values = texts(delete.get("values"), "delete.values");
        if (ids.isEmpty() && values.isEmpty()) {
            throw ErrorCode.INVALID_PARAMETER.exception(
                    "'delete' must hold 'ids' or 'values'", "One or more parameters to your request was invalid.");
        }
        return delete(request.app(), ids, values, dryRun);
    }

    private ApiResponse add(String app, List<StreamRuleBook.Rule> drafts, boolean dryRun) {
        ArrayNode errors = Json.array();
        boolean malformed = false;
        Set<String> seen = new HashSet<>();
        for (StreamRuleBook.Rule draft : drafts) {
            String value = draft.value();
            Optional<StreamRuleBook.Rule> kept = book.withValue(app, value);
            String syntax = value.length() > MAX_RULE_LENGTH ? null : SearchQuery.ruleProblem(value);
            if (value.length() > MAX_RULE_LENGTH) {
                malformed = true;
                errors.add(problem(
                        value,
                        "RuleLengthExceeded",
                        "rule-length",
                        "Rule length exceeds the maximum of " + MAX_RULE_LENGTH + " characters (" + value.length()
                                + ")"));
            } else if (syntax != null) {
                malformed = true;
                ObjectNode e = problem(value, "UnprocessableEntity", "invalid-rules", null);
                e.putArray("details").add(syntax);
                errors.add(e);
            } else if (kept.isPresent() || !seen.add(value)) {
                ObjectNode e = problem(value, "DuplicateRule", "duplicate-rules", null);
                kept.ifPresent(r -> e.put("id", r.id()));
                errors.add(e);
            }
        }
        int invalid = errors.size();
        int valid = drafts.size() - invalid;
        if (invalid == 0 && book.rules(app).size() + valid > RULE_CAP) {
            ObjectNode out = Json.object();
            summary(out, 0, drafts.size(), valid, invalid);
            out.putArray("errors")
                    .add(problem(
                            null,
                            "RulesCapExceeded",
                            "rule-cap",
                            "Rule creation would exceed your rule cap of " + RULE_CAP + " rules; "
                                    + book.rules(app).size() + " rules exist"));
            return new ApiResponse(400, out, Map.of());
        }
        ObjectNode out = Json.object();
        if (invalid > 0) {
            summary(out, 0, drafts.size(), valid, invalid);
            out.set("errors", errors);
            if (!malformed) {
                return ApiResponse.ok(out);
            }
            out.put("title", "Invalid Request");
            out.put("detail", "One or more parameters to your request was invalid.");
            out.put("type", PROBLEMS + "invalid-request");
            return new ApiResponse(400, out, Map.of());
        }
        List<StreamRuleBook.Rule> created = dryRun ? drafts : book.add(app, drafts);
        ArrayNode data = out.putArray("data");
        created.forEach(r -> data.add(rule(r)));
        summary(out, dryRun ? 0 : created.size(), dryRun ? drafts.size() : 0, valid, 0);
        return dryRun ? ApiResponse.ok(out) : ApiResponse.created(out);
    }

    private ApiResponse delete(String app, List<String> ids, List<String> values, boolean dryRun) {
        List<String> targets = new ArrayList<>(ids);
        ArrayNode errors = Json.array();
        for (String value : values) {
            Optional<StreamRuleBook.Rule> rule = book.withValue(app, value);
            if (rule.isPresent()) {
                targets.add(rule.get().id());
            } else {
                errors.add(notFound(value, "value"));
            }
        }
        int deleted = 0;
        Set<String> present = new HashSet<>();
        book.rules(app).forEach(r -> present.add(r.id()));
        for (String id : targets) {
            boolean had = dryRun ? present.contains(id) : book.delete(app, id);
            if (had) {
                deleted++;
            } else {
                errors.add(notFound(id, "id"));
            }
        }
        ObjectNode out = Json.object();
        ObjectNode summary = meta(out).putObject("summary");
        summary.put("deleted", deleted);
        summary.put("not_deleted", errors.size());
        if (!errors.isEmpty()) {
            out.set("errors", errors);
        }
        return ApiResponse.ok(out);
    }

    private static List<StreamRuleBook.Rule> drafts(JsonNode add) {
        if (!add.isArray() || add.isEmpty()) {
            throw ErrorCode.INVALID_PARAMETER.exception(
                    "'add' must be a non-empty array of rules", "One or more parameters to your request was invalid.");
        }
        List<StreamRuleBook.Rule> drafts = new ArrayList<>();
        for (int i = 0; i < add.size(); i++) {
            JsonNode r = add.get(i);
            String value = r.isObject() ? ApiRequest.text(r, "value") : null;
            if (value == null || value.isBlank()) {
                throw ErrorCode.INVALID_PARAMETER.exception(
                        "$.add[" + i + "].value: is missing but it is required",
                        "One or more parameters to your request was invalid.");
            }
            drafts.add(new StreamRuleBook.Rule(null, value, ApiRequest.text(r, "tag")));
        }
        return drafts;
    }

    private static List<String> texts(JsonNode node, String field) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw ErrorCode.INVALID_PARAMETER.exception(
                    "'" + field + "' must be an array", "One or more parameters to your request was invalid.");
        }
        List<String> out = new ArrayList<>();
        node.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static boolean flag(ApiRequest request, String name) {
        String v = request.param(name);
        if (v == null) {
            return false;
        }
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw ErrorCode.INVALID_PARAMETER.badParameter(
                name, v, "The `" + name + "` query parameter value [" + v + "] is not one of [true,false]");
    }

    private ObjectNode meta(ObjectNode out) {
        ObjectNode meta = out.putObject("meta");
        meta.put("sent", TwitterDates.v2(clock.instant()));
        return meta;
    }

    private void summary(ObjectNode out, int created, int notCreated, int valid, int invalid) {
        ObjectNode summary = meta(out).putObject("summary");
        summary.put("created", created);
        summary.put("not_created", notCreated);
        summary.put("valid", valid);
        summary.put("invalid", invalid);
    }

    private static ObjectNode rule(StreamRuleBook.Rule r) {
        ObjectNode n = Json.object();
        n.put("id", r.id());
        n.put("value", r.value());
        if (r.tag() != null) {
            n.put("tag", r.tag());
        }
        return n;
    }

    private static ObjectNode problem(String value, String title, String type, String detail) {
        ObjectNode e = Json.object();
        if (value != null) {
            e.put("value", value);
        }
        e.put("title", title);
        e.put("type", PROBLEMS + type);
        if (detail != null) {
            e.put("detail", detail);
        }
        return e;
    }

    /** A rule to delete that the app does not have (the sandbox's wording: resource-not-found, as for lookups). */
    private static ObjectNode notFound(String value, String parameter) {
        ObjectNode e = problem(
                value,
                "Not Found Error",
                "resource-not-found",
                "Could not find rule with " + parameter + ": [" + value + "].");
        e.put("resource_type", "rule");
        e.put("parameter", parameter);
        return e;
    }
}
