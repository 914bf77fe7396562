package dev.bridle.sandbox.audience;

/** What an account does to a simulated user that the user may react to. */
public enum Trigger {
    /** An account replied to one of the user's posts. */
    REPLIED_TO,
    /** An account's post mentions the user (a reply that names them counts too). */
    MENTIONED,
    /** An account sent the user a direct message. */
    DM_RECEIVED,
    /** An account followed the user. */
    FOLLOWED
}
