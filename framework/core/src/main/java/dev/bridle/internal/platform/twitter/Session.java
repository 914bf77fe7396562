package dev.bridle.internal.platform.twitter;

import dev.bridle.bot.Account;
import java.util.Objects;

/** One account's state in the adapter: its signed connection and, once known, its user id. */
final class Session {

    private final String handle;
    private SignedHttp http;
    private volatile String userId;

    Session(String handle) {
        this.handle = Objects.requireNonNull(handle, "handle");
    }

    void connect(SignedHttp http) {
        this.http = http;
    }

    String handle() {
        return handle;
    }

    SignedHttp http() {
        return http;
    }

    /** The user id, or {@code null} until the credentials were verified (or a request carried it). */
    String userId() {
        return userId;
    }

    void userId(String id) {
        this.userId = id;
    }

    Account account() {
        return new Account(handle, userId);
    }
}
