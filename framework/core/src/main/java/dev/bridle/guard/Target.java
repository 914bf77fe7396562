package dev.bridle.guard;

import dev.bridle.bot.UserRef;
import java.util.Objects;

/** A user an action reaches, and how. */
public record Target(UserRef user, TargetRole role) {

    public Target {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(role, "role");
    }
}
