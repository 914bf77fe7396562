package dev.bridle.bot;

/**
 * Why an action was denied or deferred. Each code cites the {@link Rule} it enforces. Codes are stable: they are
 * written to the ledger and operators filter on them.
 */
public enum ReasonCode {

    /** A guard threw, timed out, or its store was unreachable: the chain failed closed. */
    GUARD_UNAVAILABLE(Rule.FAIL_CLOSED),

    /** The app's name says one environment and the configuration another. */
    ENVIRONMENT_MISMATCH(Rule.SEPARATE_ENVIRONMENTS),
    /** Dry-run mode: every guard was consulted and the decision recorded, but nothing is sent. */
    DRY_RUN(Rule.SEPARATE_ENVIRONMENTS),
    /**
     * One configuration's accounts act through different platform apps, or one app was used under another environment:
     * the configuration does not start.
     */
    MULTIPLE_APPS(Rule.ONE_APP_PER_USE_CASE),

    /** An export would go past a recipient's quota of IDs or hydrated objects. */
    EXPORT_QUOTA(Rule.REDISTRIBUTION),
    /** An export to a recipient with no recorded agreement to the platform's terms. */
    NO_RECIPIENT_AGREEMENT(Rule.REDISTRIBUTION),
    /** An export to a destination that would make it public. */
    PUBLIC_DESTINATION(Rule.REDISTRIBUTION),

    /** The text is empty or only whitespace. */
    EMPTY_TEXT(Rule.PLATFORM_CONTENT),
    /** The text is over 280 weighted characters (10,000 characters for a direct message). */
    TEXT_TOO_LONG(Rule.PLATFORM_CONTENT),
    /** The text holds characters the platform refuses. */
    INVALID_TEXT(Rule.PLATFORM_CONTENT),

    /** A targeted user has no consent on record. */
    NO_CONSENT(Rule.AUTOMATED_CONTACT_CONSENT),
    /** A targeted user consented, but not to this kind of action. */
    CONSENT_SCOPE(Rule.AUTOMATED_CONTACT_CONSENT),
    /** A targeted user's consent has expired. */
    CONSENT_EXPIRED(Rule.AUTOMATED_CONTACT_CONSENT),
    /** A targeted user has opted out. */
    OPTED_OUT(Rule.OPT_OUT),

    /** Identical or near-identical to a recent post from another of the operator's accounts. */
    DUPLICATE_CROSS_ACCOUNT(Rule.NO_DUPLICATE_CONTENT),
    /** Identical to a recent post from the same account (the platform's own duplicate rule). */
    DUPLICATE_SAME_ACCOUNT(Rule.NO_DUPLICATE_CONTENT),

    /** The account's own limit for this kind of action is used up for now. */
    THROTTLED_ACCOUNT(Rule.NO_BULK_ACTIONS),
    /** The per-user limit for automated contact is used up for now. */
    THROTTLED_TARGET(Rule.NO_BULK_ACTIONS),
    /** Too many of the operator's accounts acted on the same target within the window. */
    THROTTLED_CROSS_ACCOUNT(Rule.NO_BULK_ACTIONS),
    /** The inbound interaction already had its one automated reply. */
    ALREADY_ANSWERED(Rule.NO_BULK_ACTIONS),
    /** Follow churn: unfollowing too soon after following, or re-following too soon after unfollowing. */
    FOLLOW_CHURN(Rule.NO_BULK_ACTIONS),
    /** Too soon after the account's previous action. */
    TOO_SOON(Rule.NO_BULK_ACTIONS),
    /**
     * A deferred action waited longer than {@code throttles.deferred.maxAge} and was dropped: a backlog sent long after
     * it was asked for is the burst the limits exist to prevent.
     */
    DEFERRAL_EXPIRED(Rule.NO_BULK_ACTIONS),

    /** The platform's rate limit for this endpoint is used up until its reset. */
    RATE_LIMITED(Rule.PLATFORM_LIMITS),
    /** The platform's daily limit for this kind of action is reached for the account. */
    DAILY_LIMIT(Rule.PLATFORM_LIMITS),

    /** The account is paused after the platform locked, flagged or refused it. */
    ACCOUNT_PAUSED(Rule.ACCOUNT_HEALTH),

    /**
     * A fact about a person falls in a restricted category (health, negative finances, politics, ethnic origin,
     * religion, sex life, union membership, crime), whether the person said it or the bot derived it: not stored.
     */
    SENSITIVE_ATTRIBUTE(Rule.SENSITIVE_INFORMATION),

    /** A query, rule or purpose tracks sensitive events or groups, or vets or scores people. */
    SURVEILLANCE(Rule.NO_SURVEILLANCE),
    /** A query, rule or purpose profiles one person or segments people psychographically. */
    PROFILING(Rule.NO_PROFILING),
    /** A query, rule or purpose counts or benchmarks the platform itself. */
    SERVICE_MEASUREMENT(Rule.NO_SERVICE_MEASUREMENT),
    /** The bot's declared purposes do not need this read, this fact or this identity link. */
    NOT_FOR_PURPOSE(Rule.DECLARED_PURPOSE),

    /**
     * A link between a user and an identifier off the platform has no basis that holds: no live {@code link_identity}
     * consent, no message of the user's own that contains the identifier, no evidence of where it is public.
     */
    NO_MATCHING_BASIS(Rule.OFF_PLATFORM_MATCHING);

    private final Rule rule;

    ReasonCode(Rule rule) {
        this.rule = rule;
    }

    /** The rule this code enforces. */
    public Rule rule() {
        return rule;
    }
}
