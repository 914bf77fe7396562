package dev.bridle.guard;

/** How an action reaches a user; consent is given per role's scope. */
public enum TargetRole {
    /** The author of the post being replied to. */
    REPLIED_TO,
    /** A user @mentioned in the text. */
    MENTIONED,
    /** The recipient of a direct message. */
    RECIPIENT,
    /** The user being followed. */
    FOLLOWED,
    /** The user being unfollowed. */
    UNFOLLOWED,
    /** The author of a post being liked or reposted. */
    POST_AUTHOR
}
