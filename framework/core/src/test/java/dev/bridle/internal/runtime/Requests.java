package dev.bridle.internal.runtime;

import dev.bridle.bot.Account;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.guard.Target;
import dev.bridle.guard.TargetRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Requests for tests. */
public final class Requests {

    public static final Account ACCOUNT = new Account("acme_news", "1001");
    public static final Instant T0 = Instant.parse("2026-11-28T09:00:00Z");

    private Requests() {}

    public static ActionRequest post(String text) {
        return new ActionRequest(
                UUID.randomUUID(), "poster", ACCOUNT, ActionKind.POST, text, List.of(), null, null, T0);
    }

    public static ActionRequest directMessage(String userId, String text) {
        return new ActionRequest(
                UUID.randomUUID(),
                "dm-bot",
                ACCOUNT,
                ActionKind.DIRECT_MESSAGE,
                text,
                List.of(new Target(UserRef.ofId(userId), TargetRole.RECIPIENT)),
                null,
                null,
                T0);
    }

    public static ActionRequest follow(String userId) {
        return new ActionRequest(
                UUID.randomUUID(),
                "follower",
                ACCOUNT,
                ActionKind.FOLLOW,
                null,
                List.of(new Target(UserRef.ofId(userId), TargetRole.FOLLOWED)),
                null,
                null,
                T0);
    }
}
