package dev.bridle.bot;

/**
 * The rules Bridle enforces, each with where it comes from. Every {@link ReasonCode} cites one, so every denial in the
 * ledger says which rule it upholds.
 */
public enum Rule {
    AUTOMATED_CONTACT_CONSENT(
            "no automated reply, mention, direct message or follow reaches a user without their explicit consent",
            "X Developer Policy, restricted uses: automation; X Automation Rules, automated replies and mentions"),
    OPT_OUT(
            "opt-out requests are honoured at once and for every kind of action",
            "X Automation Rules: provide a clear way to opt out and promptly honour all opt-out requests"),
    NO_BULK_ACTIONS(
            "no bulk, aggressive or spammy actions, bulk following above all; one automated reply per interaction",
            "X Developer Policy, restricted uses: automation and spam; X Automation Rules"),
    NO_DUPLICATE_CONTENT(
            "no identical or substantially similar content across accounts, nor identical posts from one account",
            "X Automation Rules: do not post identical or substantially similar content to multiple accounts"),
    PLATFORM_LIMITS(
            "the platform's published rate limits and daily account limits are obeyed",
            "X API rate limits (x-rate-limit-* headers; codes 88, 185, 161)"),
    PLATFORM_CONTENT(
            "a post is not empty and is at most 280 weighted characters",
            "X API POST /2/tweets; twitter-text weighted length"),
    ACCOUNT_HEALTH(
            "an account the platform has locked, flagged or refused is paused, not retried",
            "X API errors 226, 326, 261, 89, 32"),
    SEPARATE_ENVIRONMENTS(
            "development, staging and production apps are labelled, a development app is not used for production, "
                    + "and a dry run never sends",
            "X Developer Policy, restricted uses: multiple applications"),
    ONE_APP_PER_USE_CASE(
            "one platform app per use case: the accounts of one use case act through one app, and its only other"
                    + " instances are labelled development, staging and production apps (at most three), development"
                    + " and staging never used for production",
            "X Developer Policy, restricted uses: multiple applications"),
    REDISTRIBUTION(
            "content is shared as post, user and message IDs; hydrated objects at most 50,000 a recipient a day, by"
                    + " non-automated means and never made public; at most 1,500,000 post IDs to one entity in 30 days"
                    + " without written permission (academic non-commercial research exempt); only to a recipient who"
                    + " agreed to the platform's terms",
            "X Developer Policy, content redistribution"),
    SENSITIVE_INFORMATION(
            "nothing about a user's health, negative financial status, political affiliation or beliefs, racial or "
                    + "ethnic origin, religious or philosophical beliefs, sex life or sexual orientation, trade union "
                    + "membership or alleged or actual crimes is derived, inferred or stored",
            "X Developer Agreement and Policy, more about restricted uses: sensitive information"),
    NO_SURVEILLANCE(
            "no investigating, tracking or monitoring of sensitive groups, organisations or events (unions, activist"
                    + " groups, protests, rallies, community organising), no background checks or extreme vetting, no"
                    + " credit or insurance risk analysis, no facial recognition",
            "X Developer Agreement and Policy, more about restricted uses: surveillance"),
    NO_PROFILING(
            "no individual profiling or psychographic segmentation",
            "X Developer Agreement and Policy, more about restricted uses: surveillance"),
    NO_SERVICE_MEASUREMENT(
            "the service is not measured: no aggregate user or post counts, no benchmarking, no measuring spam or"
                    + " security",
            "X Developer Agreement and Policy, more about restricted uses: measuring the service"),
    DECLARED_PURPOSE(
            "data is read and kept only for a purpose the app declared that needs it",
            "X Developer Agreement: use the API only as described in your use case; X Developer Policy"),
    OFF_PLATFORM_MATCHING(
            "associating an X user with an off-platform identifier needs the user's express opt-in consent; without"
                    + " it only information the user gave directly or public data, where the user would expect it",
            "X Developer Policy, restricted uses: off-platform matching"),
    FAIL_CLOSED("when a guard cannot decide, the action is denied", "Bridle invariant 4");

    private final String summary;
    private final String source;

    Rule(String summary, String source) {
        this.summary = summary;
        this.source = source;
    }

    /** What the rule asks, in one sentence. */
    public String summary() {
        return summary;
    }

    /** Where the rule comes from. */
    public String source() {
        return source;
    }
}
