package dev.bridle.config;

import dev.bridle.bot.Rule;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What an app or a bot is for, from a fixed list: written in {@code bridle.yaml} as {@code purposes:
 * [customer_support]} under {@code app} or a bot. Each permitted purpose says which reads and which kept data it needs;
 * Bridle allows a bot those and nothing more. The prohibited ones are the platform's restricted uses: a configuration
 * that declares one does not start, and {@code bridle check} says which rule it breaks.
 */
public enum Purpose {
    /** Answering people who ask the operator for help. */
    CUSTOMER_SUPPORT(null, Use.READ_USERS, Use.READ_POSTS, Use.MENTIONS, Use.FACTS, Use.IDENTITY_LINKS, Use.AGGREGATES),
    /** Posting the operator's own news, releases, alerts; no reading about people. */
    ANNOUNCEMENTS(null, Use.OWN_TIMELINE, Use.AGGREGATES),
    /** Conversations with people who consented to them. */
    ENGAGEMENT_WITH_CONSENT(
            null,
            Use.READ_USERS,
            Use.READ_POSTS,
            Use.MENTIONS,
            Use.FOLLOWERS,
            Use.FACTS,
            Use.IDENTITY_LINKS,
            Use.AGGREGATES),
    /** Finding and sharing public posts on a topic. */
    CONTENT_CURATION(null, Use.READ_POSTS, Use.SEARCH, Use.OWN_TIMELINE, Use.AGGREGATES),
    /** Analysis in aggregate, keeping no identifiers. */
    RESEARCH_AGGREGATE(null, Use.READ_POSTS, Use.SEARCH, Use.AGGREGATES),
    /** Looking after the operator's own accounts: their posts, mentions and followers. */
    ACCOUNT_MANAGEMENT(null, Use.OWN_TIMELINE, Use.MENTIONS, Use.FOLLOWERS, Use.READ_USERS, Use.AGGREGATES),

    /** Prohibited: investigating or monitoring people, groups or events. */
    SURVEILLANCE(Rule.NO_SURVEILLANCE),
    /** Prohibited: tracking unions, activist groups or other sensitive groups and organisations. */
    TRACKING_SENSITIVE_GROUPS(Rule.NO_SURVEILLANCE),
    /** Prohibited: tracking, alerting on or monitoring protests, rallies or community organising. */
    TRACKING_SENSITIVE_EVENTS(Rule.NO_SURVEILLANCE),
    /** Prohibited: background checks or extreme vetting. */
    BACKGROUND_CHECKS(Rule.NO_SURVEILLANCE),
    /** Prohibited: credit or insurance risk analysis. */
    CREDIT_OR_INSURANCE_RISK(Rule.NO_SURVEILLANCE),
    /** Prohibited: individual profiling. */
    PROFILING(Rule.NO_PROFILING),
    /** Prohibited: psychographic segmentation. */
    PSYCHOGRAPHIC_SEGMENTATION(Rule.NO_PROFILING),
    /** Prohibited: facial recognition. */
    FACIAL_RECOGNITION(Rule.NO_SURVEILLANCE),
    /** Prohibited: counting users or posts, benchmarking, measuring spam or security. */
    SERVICE_MEASUREMENT(Rule.NO_SERVICE_MEASUREMENT);

    /** What a purpose may need: a kind of read, or kept data. */
    public enum Use {
        /** Looking up users by handle or id. */
        READ_USERS,
        /** Reading posts by id. */
        READ_POSTS,
        /** Searching recent posts. */
        SEARCH,
        /** The bot's own account's posts. */
        OWN_TIMELINE,
        /** Posts mentioning the bot's account. */
        MENTIONS,
        /** The bot's own account's followers. */
        FOLLOWERS,
        /** Facts about people ({@code ctx.people()}). */
        FACTS,
        /**
         * Links between people and identifiers off the platform ({@code ctx.identities()}): support finding the
         * customer's record, a consented conversation carried on elsewhere.
         */
        IDENTITY_LINKS,
        /** Counts and distributions without identifiers ({@code ctx.aggregates()}). */
        AGGREGATES
    }

    private final Rule breaks;
    private final Set<Use> uses;

    Purpose(Rule breaks, Use... uses) {
        this.breaks = breaks;
        this.uses = uses.length == 0 ? EnumSet.noneOf(Use.class) : EnumSet.copyOf(Arrays.asList(uses));
    }

    /** Whether the platform's rules forbid this purpose. */
    public boolean prohibited() {
        return breaks != null;
    }

    /** The rule a prohibited purpose breaks; empty for a permitted one. */
    public Optional<Rule> breaks() {
        return Optional.ofNullable(breaks);
    }

    /** What this purpose needs; nothing for a prohibited one. */
    public Set<Use> uses() {
        return uses.isEmpty() ? EnumSet.noneOf(Use.class) : EnumSet.copyOf(uses);
    }

    /** Whether a bot with {@code purposes} may do {@code use}. */
    public static boolean allows(Set<Purpose> purposes, Use use) {
        return purposes.stream().anyMatch(p -> p.uses.contains(use));
    }

    /** The name written in configuration: {@code customer_support}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The purpose named {@code name} in configuration (case and {@code -} or {@code _} aside). */
    public static Optional<Purpose> named(String name) {
        String wanted = name.strip().replace('-', '_').toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(p -> p.name().equals(wanted)).findFirst();
    }
}
