package dev.bridle.internal.optout;

/** The one message Bridle may send after an opt-out or a possible one. */
public enum NoticeKind {
    /** The confirmation of an opt-out: it says how to opt back in, and nothing else. */
    OPT_OUT_CONFIRMATION,
    /** The question after a message that may be an opt-out: it says how to confirm. */
    AMBIGUITY_QUESTION
}
