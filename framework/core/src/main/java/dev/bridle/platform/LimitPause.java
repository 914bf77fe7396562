package dev.bridle.platform;

import dev.bridle.guard.ActionKind;
import java.time.Instant;
import java.util.Objects;

/**
 * One kind of action an account holds back until a daily platform limit's window ends (the platform said the limit was
 * reached); those actions are deferred, not lost.
 *
 * @param handle the account's handle, lower case
 * @param kind the kind of action
 * @param until when the window ends
 * @param errorCode the platform's code (185 posts, 161 follows, the DM limit's), or -1
 */
public record LimitPause(String handle, ActionKind kind, Instant until, int errorCode) {

    public LimitPause {
        Objects.requireNonNull(handle, "handle");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(until, "until");
    }
}
