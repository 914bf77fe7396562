package dev.bridle.internal.platform.twitter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.bot.UserRef;
import dev.bridle.platform.PlatformException;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /2/users/by/username/:username} (an unknown name is a 200 with only {@code errors}) and {@code GET
 * /2/users/me}.
 */
final class UsersV2 implements Users {

    private final Urls urls;

    UsersV2(Urls urls) {
        this.urls = urls;
    }

    @Override
    public Optional<UserRef> byHandle(Session session, String handle) throws PlatformException {
        return Users.unlessNotFound(() -> {
            JsonNode data = session.http()
                    .get(Endpoint.V2_USER_BY_NAME, urls.v2() + "users/by/username/" + handle, Map.of())
                    .data();
            String id = Json.text(data, "id");
            return id == null ? Optional.empty() : Optional.of(new UserRef(id, Json.text(data, "username")));
        });
    }

    @Override
    public UserRef me(Session session) throws PlatformException {
        JsonNode data = session.http()
                .get(Endpoint.V2_ME, urls.v2() + "users/me", Map.of())
                .data();
        return new UserRef(Json.required(data, "id", Endpoint.V2_ME), Json.required(data, "username", Endpoint.V2_ME));
    }
}
