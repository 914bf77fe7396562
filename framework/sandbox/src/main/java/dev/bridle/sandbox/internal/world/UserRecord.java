package dev.bridle.sandbox.internal.world;

import dev.bridle.sandbox.AccountFlag;
import dev.bridle.sandbox.SandboxAccount;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A user as the sandbox keeps it: a bot account (with credentials) or a simulated user. Flags change under the world's
 * lock.
 */
public final class UserRecord {
    private final String id;
    private final String handle;
    private final String name;
    private final Instant createdAt;
    private final boolean acceptsDms;
    private final SandboxAccount account;
    private final Set<AccountFlag> flags = EnumSet.noneOf(AccountFlag.class);

    UserRecord(String id, String handle, String name, Instant createdAt, boolean acceptsDms, SandboxAccount account) {
        this.id = id;
        this.handle = handle;
        this.name = name;
        this.createdAt = createdAt;
        this.acceptsDms = acceptsDms;
        this.account = account;
    }

    public String id() {
        return id;
    }

    public long numericId() {
        return Long.parseLong(id);
    }

    public String handle() {
        return handle;
    }

    public String name() {
        return name;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean acceptsDms() {
        return acceptsDms;
    }

    /** The credentials, or null for a simulated user. */
    public SandboxAccount account() {
        return account;
    }

    public boolean isAccount() {
        return account != null;
    }

    public synchronized boolean has(AccountFlag flag) {
        return flags.contains(flag);
    }

    public synchronized Set<AccountFlag> flags() {
        return flags.isEmpty() ? Set.of() : EnumSet.copyOf(flags);
    }

    public synchronized void setFlags(Set<AccountFlag> newFlags) {
        flags.clear();
        flags.addAll(newFlags);
    }
}
