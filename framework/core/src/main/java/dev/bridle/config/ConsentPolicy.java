package dev.bridle.config;

import dev.bridle.consent.ConsentScope;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How consent is recorded and checked, as {@code consent:} in {@code bridle.yaml} sets it; start from
 * {@link #defaults()}. Each {@code with} method returns a new value.
 */
public final class ConsentPolicy {

    /** A grant lasts a year unless it says otherwise: consent is not forever. */
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(365);
    /** How long a node trusts a cached consent history another node may have changed: five seconds. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);
    /** How long a single-use consent given by a hashtag waits for its reply: a day. */
    public static final Duration DEFAULT_INTERACTION_EXPIRY = Duration.ofDays(1);

    /** The notice people answer with START, when it is not Bridle's own. */
    public record Notice(String version, String text, String language, Set<ConsentScope> scopes) {
        public Notice {
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(language, "language");
            if (version.isBlank() || text.isBlank()) {
                throw new IllegalArgumentException("a notice needs a version and a text");
            }
            if (scopes.isEmpty()) {
                throw new IllegalArgumentException("a notice must offer at least one consent scope");
            }
            scopes = Set.copyOf(EnumSet.copyOf(scopes));
        }
    }

    private static final ConsentPolicy DEFAULTS = new ConsentPolicy();

    private String operator;
    private Duration expiry = DEFAULT_EXPIRY;
    private Notice notice;
    private String policyVersion;
    private String policyUrl;
    private String jurisdiction;
    private String controllerContact;
    private Duration cacheTtl = DEFAULT_CACHE_TTL;
    private String interactionHashtag;
    private Duration interactionExpiry = DEFAULT_INTERACTION_EXPIRY;

    private ConsentPolicy() {}

    /**
     * The app's name as operator, Bridle's notice, no policy named, no interaction hashtag, every {@code DEFAULT_*}.
     */
    public static ConsentPolicy defaults() {
        return DEFAULTS;
    }

    /** The operator's name in consent records and receipts; the app's name unless set. */
    public ConsentPolicy withOperator(String operator) {
        ConsentPolicy c = copy();
        c.operator = nonBlank("operator", operator);
        return c;
    }

    /** How long a grant lasts unless it says otherwise. */
    public ConsentPolicy withExpiry(Duration expiry) {
        ConsentPolicy c = copy();
        c.expiry = Throttles.positive("expiry", expiry);
        return c;
    }

    /** The notice people answer with START, instead of Bridle's. */
    public ConsentPolicy withNotice(Notice notice) {
        ConsentPolicy c = copy();
        c.notice = Objects.requireNonNull(notice, "notice");
        return c;
    }

    /**
     * The operator's privacy policy, recorded with each grant and named in receipts.
     *
     * @param version its version, like {@code "2026-11"}
     * @param url where it is, or {@code null}
     * @param jurisdiction where consent is governed ({@code EU}, {@code US-CA}), or {@code null}
     * @param controllerContact how people reach the operator about their data, or {@code null}
     */
    public ConsentPolicy withPolicy(String version, String url, String jurisdiction, String controllerContact) {
        ConsentPolicy c = copy();
        c.policyVersion = nonBlank("policy version", version);
        c.policyUrl = url;
        c.jurisdiction = jurisdiction;
        c.controllerContact = controllerContact;
        return c;
    }

    /** How long a node trusts a cached consent history (zero: not at all). */
    public ConsentPolicy withCacheTtl(Duration ttl) {
        ConsentPolicy c = copy();
        c.cacheTtl = Throttles.notNegative("cacheTtl", ttl);
        return c;
    }

    /**
     * A hashtag (without {@code #}) that, in a mention of one of the accounts, is consent to one reply to it, waiting
     * at most {@code expiry}.
     */
    public ConsentPolicy withInteractionHashtag(String hashtag, Duration expiry) {
        ConsentPolicy c = copy();
        c.interactionHashtag = nonBlank("interaction hashtag", hashtag);
        c.interactionExpiry = Throttles.positive("interaction expiry", expiry);
        return c;
    }

    /** The operator's name, if set (the app's name otherwise). */
    public Optional<String> operator() {
        return Optional.ofNullable(operator);
    }

    /** How long a grant lasts. */
    public Duration expiry() {
        return expiry;
    }

    /** The notice, if it is not Bridle's. */
    public Optional<Notice> notice() {
        return Optional.ofNullable(notice);
    }

    /** The privacy policy's version, if set. */
    public Optional<String> policyVersion() {
        return Optional.ofNullable(policyVersion);
    }

    /** Where the policy is, if set. */
    public Optional<String> policyUrl() {
        return Optional.ofNullable(policyUrl);
    }

    /** Where consent is governed, if set. */
    public Optional<String> jurisdiction() {
        return Optional.ofNullable(jurisdiction);
    }

    /** How people reach the operator about their data, if set. */
    public Optional<String> controllerContact() {
        return Optional.ofNullable(controllerContact);
    }

    /** How long a node trusts a cached consent history. */
    public Duration cacheTtl() {
        return cacheTtl;
    }

    /** The interaction hashtag, if set. */
    public Optional<String> interactionHashtag() {
        return Optional.ofNullable(interactionHashtag);
    }

    /** How long a single-use consent waits for its reply. */
    public Duration interactionExpiry() {
        return interactionExpiry;
    }

    private ConsentPolicy copy() {
        ConsentPolicy c = new ConsentPolicy();
        c.operator = operator;
        c.expiry = expiry;
        c.notice = notice;
        c.policyVersion = policyVersion;
        c.policyUrl = policyUrl;
        c.jurisdiction = jurisdiction;
        c.controllerContact = controllerContact;
        c.cacheTtl = cacheTtl;
        c.interactionHashtag = interactionHashtag;
        c.interactionExpiry = interactionExpiry;
        return c;
    }

    static String nonBlank(String what, String value) {
        if (Objects.requireNonNull(value, what).isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank");
        }
        return value.strip();
    }
}
