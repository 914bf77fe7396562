package dev.bridle.config;

import dev.bridle.consent.OptOutScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How opt-outs reach and are answered, as {@code optout:} in {@code bridle.yaml} sets it; start from
 * {@link #defaults()}. Each {@code with} method returns a new value.
 */
public final class OptOutPolicy {

    /** An opt-out reaches every account of the operator unless its account says otherwise. */
    public static final OptOutScope DEFAULT_SCOPE = OptOutScope.OPERATOR;
    /**
     * How long the early opt-out check trusts a cached state another node may have changed: five seconds (the final
     * check before every send reads the database).
     */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);

    private static final OptOutPolicy DEFAULTS = new OptOutPolicy();

    private OptOutScope scope = DEFAULT_SCOPE;
    private Map<String, OptOutScope> accountScopes = Map.of();
    private Path keywordFile;
    private Duration cacheTtl = DEFAULT_CACHE_TTL;
    private boolean confirm = true;
    private boolean askWhenAmbiguous = true;

    private OptOutPolicy() {}

    /** The operator-wide scope, Bridle's keywords, one confirmation, one question when unclear. */
    public static OptOutPolicy defaults() {
        return DEFAULTS;
    }

    /** How far an opt-out reaches unless its account says otherwise. */
    public OptOutPolicy withScope(OptOutScope scope) {
        OptOutPolicy o = copy();
        o.scope = Objects.requireNonNull(scope, "scope");
        return o;
    }

    /** How far an opt-out sent to {@code handle} reaches. */
    public OptOutPolicy withScope(String handle, OptOutScope scope) {
        OptOutPolicy o = copy();
        Map<String, OptOutScope> map = new LinkedHashMap<>(accountScopes);
        String bare = Objects.requireNonNull(handle, "handle").startsWith("@") ? handle.substring(1) : handle;
        map.put(bare.toLowerCase(Locale.ROOT), Objects.requireNonNull(scope, "scope"));
        o.accountScopes = Collections.unmodifiableMap(map);
        return o;
    }

    /** The keyword file ({@code bridle keywords check} checks one), instead of the keywords shipped with Bridle. */
    public OptOutPolicy withKeywordFile(Path file) {
        OptOutPolicy o = copy();
        o.keywordFile = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        return o;
    }

    /** How long the early opt-out check trusts a cached state (zero: not at all). */
    public OptOutPolicy withCacheTtl(Duration ttl) {
        OptOutPolicy o = copy();
        o.cacheTtl = Throttles.notNegative("cacheTtl", ttl);
        return o;
    }

    /** Whether to send the one confirmation of an opt-out. */
    public OptOutPolicy withConfirm(boolean confirm) {
        OptOutPolicy o = copy();
        o.confirm = confirm;
        return o;
    }

    /** Whether to send the one question after a message that may be an opt-out. */
    public OptOutPolicy withAskWhenAmbiguous(boolean ask) {
        OptOutPolicy o = copy();
        o.askWhenAmbiguous = ask;
        return o;
    }

    /** How far an opt-out reaches unless its account says otherwise. */
    public OptOutScope scope() {
        return scope;
    }

    /** Per account handle (lower case, no {@code @}), a different reach. */
    public Map<String, OptOutScope> accountScopes() {
        return accountScopes;
    }

    /** The keyword file, if not Bridle's. */
    public Optional<Path> keywordFile() {
        return Optional.ofNullable(keywordFile);
    }

    /** How long the early check trusts a cached state. */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** Whether an opt-out is confirmed. */
    public boolean confirm() {
        return confirm;
    }

    /** Whether an unclear message is answered with a question. */
    public boolean askWhenAmbiguous() {
        return askWhenAmbiguous;
    }

    private OptOutPolicy copy() {
        OptOutPolicy o = new OptOutPolicy();
        o.scope = scope;
        o.accountScopes = accountScopes;
        o.keywordFile = keywordFile;
        o.cacheTtl = cacheTtl;
        o.confirm = confirm;
        o.askWhenAmbiguous = askWhenAmbiguous;
        return o;
    }
}
