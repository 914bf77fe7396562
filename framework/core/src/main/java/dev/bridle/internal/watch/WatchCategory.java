package dev.bridle.internal.watch;

import java.util.Locale;

/**
 * Why a search query or stream rule is refused: the surveillance and service-measurement prohibitions of the X
 * developer terms ("more about restricted uses"), each with the reason code a refusal carries.
 */
public enum WatchCategory {
    SENSITIVE_EVENT(
            "SURVEILLANCE",
            "X developer terms, restricted uses: no tracking, alerting or monitoring of sensitive events (protests,"
                    + " rallies, community organising meetings)"),
    SENSITIVE_GROUP(
            "SURVEILLANCE",
            "X developer terms, restricted uses: no investigating or tracking of sensitive groups and organisations"
                    + " (unions, activist groups)"),
    PROFILING(
            "PROFILING",
            "X developer terms, restricted uses: no individual profiling, tracking or monitoring of a person, no"
                    + " background checks or psychographic segmentation"),
    MEASUREMENT(
            "SERVICE_MEASUREMENT",
            "X developer terms, restricted uses: do not measure the service: no aggregate user or post counts, no"
                    + " benchmarking, no measuring spam or security");

    private final String reasonCode;
    private final String rule;

    WatchCategory(String reasonCode, String rule) {
        this.reasonCode = reasonCode;
        this.rule = rule;
    }

    /** {@code sensitive_event}, {@code sensitive_group}, {@code profiling}, {@code measurement}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason code of a refusal: {@code SURVEILLANCE}, {@code PROFILING} or {@code SERVICE_MEASUREMENT}. */
    public String reasonCode() {
        return reasonCode;
    }

    /** The rule, short enough for one output line. */
    public String rule() {
        return rule;
    }
}
