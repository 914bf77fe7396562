package dev.bridle.internal.platform;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import dev.bridle.bot.Account;
import dev.bridle.bot.UserRef;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Resolves @handles to platform user ids, through a Caffeine cache in front of {@link Platform#lookupHandle}. Handles
 * change hands, so answers expire after {@link #FOUND_TTL}; "no such user" is kept only {@link #MISSING_TTL}.
 */
public final class HandleResolver {

    /** How long a resolved handle is trusted. */
    public static final Duration FOUND_TTL = Duration.ofHours(1);
    /** How long an unknown handle stays unknown before it is looked up again. */
    public static final Duration MISSING_TTL = Duration.ofMinutes(5);
    /** Upper bound on cached handles. */
    public static final long MAX_ENTRIES = 100_000;

    private final Platform platform;
    private final Cache<String, Optional<UserRef>> cache;

    public HandleResolver(Platform platform, Clock clock) {
        this.platform = platform;
        this.cache = Caffeine.newBuilder()
                .maximumSize(MAX_ENTRIES)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(Expiry.<String, Optional<UserRef>>writing(
                        (handle, found) -> found.isPresent() ? FOUND_TTL : MISSING_TTL))
                .build();
    }

    /** The user with {@code handle} (with or without {@code @}), looked up as {@code account}. */
    public Optional<UserRef> resolve(Account account, String handle) throws PlatformException {
        String key = normalise(handle);
        Optional<UserRef> cached = cache.getIfPresent(key);
        if (cached != null) {
            return cached;
        }
        Optional<UserRef> found = platform.lookupHandle(account, key);
        cache.put(key, found);
        return found;
    }

    /** Forgets what is known of {@code handle}. */
    public void invalidate(String handle) {
        cache.invalidate(normalise(handle));
    }

    private static String normalise(String handle) {
        String h = handle.startsWith("@") ? handle.substring(1) : handle;
        return h.toLowerCase(Locale.ROOT);
    }
}
