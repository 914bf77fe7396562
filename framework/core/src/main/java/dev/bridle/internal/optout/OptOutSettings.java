package dev.bridle.internal.optout;

import dev.bridle.config.OptOutPolicy;
import dev.bridle.consent.OptOutScope;
import dev.bridle.internal.consent.Accounts;
import dev.bridle.internal.consent.ConsentEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How opt-outs are recorded and answered. Start from {@link #defaults()}.
 *
 * @param scope how far an opt-out reaches unless its account says otherwise: the whole operator by default
 * @param accountScopes per account handle, a different reach
 * @param keywordFile the keyword file, reread when it changes; {@code null} for the keywords shipped with Bridle
 * @param cacheTtl how long the early opt-out guard trusts a cached state that another node may have changed (the final
 *     check before every send reads the database, whatever this says)
 * @param confirm whether to send the one confirmation of an opt-out (the keyword file has its text)
 * @param askWhenAmbiguous whether to send the one question after a message that may be an opt-out
 */
public record OptOutSettings(
        OptOutScope scope,
        Map<String, OptOutScope> accountScopes,
        Path keywordFile,
        Duration cacheTtl,
        boolean confirm,
        boolean askWhenAmbiguous) {

    /** An opt-out reaches every account of the operator: where scope is unclear, all. */
    public static final OptOutScope DEFAULT_SCOPE = OptOutPolicy.DEFAULT_SCOPE;

    /**
     * Five seconds. Only the early guard reads the cache, and only to spare the reservations of later guards; the final
     * check reads the database before every send, so an opt-out recorded on another node stops sends at once
     * regardless.
     */
    public static final Duration DEFAULT_CACHE_TTL = OptOutPolicy.DEFAULT_CACHE_TTL;

    public OptOutSettings {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        if (cacheTtl.isNegative()) {
            throw new IllegalArgumentException("the opt-out cache time must not be negative: " + cacheTtl);
        }
        Map<String, OptOutScope> keyed = new HashMap<>();
        accountScopes.forEach((handle, s) -> keyed.put(Accounts.key(handle), Objects.requireNonNull(s, handle)));
        accountScopes = Map.copyOf(keyed);
    }

    /** Operator-wide, the shipped keywords, confirmation and question on. */
    public static OptOutSettings defaults() {
        return new OptOutSettings(DEFAULT_SCOPE, Map.of(), null, DEFAULT_CACHE_TTL, true, true);
    }

    /** The same settings with {@code handle}'s opt-outs reaching {@code scope}. */
    public OptOutSettings withAccountScope(String handle, OptOutScope scope) {
        Map<String, OptOutScope> scopes = new HashMap<>(accountScopes);
        scopes.put(Accounts.key(handle), scope);
        return new OptOutSettings(this.scope, scopes, keywordFile, cacheTtl, confirm, askWhenAmbiguous);
    }

    /** The same settings reading keywords from {@code file}. */
    public OptOutSettings withKeywordFile(Path file) {
        return new OptOutSettings(scope, accountScopes, file, cacheTtl, confirm, askWhenAmbiguous);
    }

    /** The same settings with the cache trusted for {@code ttl}. */
    public OptOutSettings withCacheTtl(Duration ttl) {
        return new OptOutSettings(scope, accountScopes, keywordFile, ttl, confirm, askWhenAmbiguous);
    }

    /** The account key a message to {@code handle} opts out of (and opts back into): {@code *} or the handle. */
    public String keyFor(String handle) {
        String key = Accounts.key(handle);
        return accountScopes.getOrDefault(key, scope) == OptOutScope.ACCOUNT ? key : ConsentEvent.ALL_ACCOUNTS;
    }
}
