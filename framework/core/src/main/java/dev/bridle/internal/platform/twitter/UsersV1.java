package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.bot.UserRef;
import dev.bridle.platform.PlatformException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** v1.1 {@code users/lookup} (404, code 17, when nobody matches) and {@code account/verify_credentials}. */
final class UsersV1 implements Users {

    private final Urls urls;

    UsersV1(Urls urls) {
        this.urls = urls;
    }

    @Override
    public Optional<UserRef> byHandle(Session session, String handle) throws PlatformException {
        return Users.unlessNotFound(() -> {
            JsonNode users = session.http()
                    .get(Endpoint.V1_USERS_LOOKUP, urls.v1() + "users/lookup.json", Map.of("screen_name", handle))
                    .body();
            for (JsonNode user : users) {
                String id = Json.text(user, "id_str");
                if (id != null) {
                    return Optional.of(new UserRef(id, Json.text(user, "screen_name")));
                }
            }
            return Optional.empty();
        });
    }

    @Override
    public UserRef me(Session session) throws PlatformException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("skip_status", "true");
        query.put("include_entities", "false");
        JsonNode user = session.http()
                .get(Endpoint.V1_VERIFY_CREDENTIALS, urls.v1() + "account/verify_credentials.json", query)
                .body();
        return new UserRef(
                Json.required(user, "id_str", Endpoint.V1_VERIFY_CREDENTIALS),
                Json.required(user, "screen_name", Endpoint.V1_VERIFY_CREDENTIALS));
    }
}
