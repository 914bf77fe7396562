package dev.bridle.sandbox.internal.v2;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.api.ApiRequest;
import dev.bridle.sandbox.internal.api.ApiResponse;
import dev.bridle.sandbox.internal.api.ApiVersion;
import dev.bridle.sandbox.internal.api.Route;
import dev.bridle.sandbox.internal.json.Json;
import dev.bridle.sandbox.internal.json.ShownText;
import dev.bridle.sandbox.internal.world.AccountActions;
import java.util.List;

/** {@code POST /2/tweets} and {@code DELETE /2/tweets/:id}. */
public final class TweetsV2 {
    private final AccountActions actions;

    public TweetsV2(AccountActions actions) {
        this.actions = actions;
    }

    public List<Route> routes() {
        return List.of(
                new Route("POST", "/2/tweets", ApiVersion.V2, this::create),
                new Route("DELETE", "/2/tweets/:id", ApiVersion.V2, this::delete));
    }

    /** 201 {@code {"data":{"id","text","edit_history_tweet_ids"}}} with a {@code location} header. */
    ApiResponse create(ApiRequest request) {
        JsonNode body = request.json();
        String text = ApiRequest.text(body, "text");
        JsonNode reply = body.get("reply");
        String inReplyTo = reply == null ? null : ApiRequest.text(reply, "in_reply_to_tweet_id");
        if (reply != null && inReplyTo == null) {
            V2Paths.required(reply, "in_reply_to_tweet_id");
        }
        SandboxPost post = actions.post(request.user(), text, inReplyTo);
        ObjectNode data = Json.object();
        data.put("id", post.id());
        data.put("text", ShownText.ofPost(post.text()).text());
        data.putArray("edit_history_tweet_ids").add(post.id());
        ObjectNode out = Json.object();
        out.set("data", data);
        return ApiResponse.created(out).withHeader("location", request.baseUrl() + "2/tweets/" + post.id());
    }

    /** 200 {@code {"data":{"deleted":true}}}. */
    ApiResponse delete(ApiRequest request) {
        actions.delete(request.user(), request.path("id"));
        ObjectNode out = Json.object();
        out.putObject("data").put("deleted", true);
        return ApiResponse.ok(out);
    }
}
