package dev.bridle.guard;

/** The kinds of outbound action a bot can take. */
public enum ActionKind {
    POST(true),
    REPLY(true),
    DIRECT_MESSAGE(true),
    FOLLOW(false),
    UNFOLLOW(false),
    LIKE(false),
    REPOST(false);

    private final boolean carriesText;

    ActionKind(boolean carriesText) {
        this.carriesText = carriesText;
    }

    /** Whether the action sends text that content and duplicate guards must check. */
    public boolean carriesText() {
        return carriesText;
    }
}
