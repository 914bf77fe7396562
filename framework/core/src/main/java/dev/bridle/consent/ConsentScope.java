package dev.bridle.consent;

import dev.bridle.guard.TargetRole;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a user agreed to receive from the operator's accounts. Consent is given per scope, and an action needs the scope
 * of every role it reaches a user in ({@link #forRole}).
 */
public enum ConsentScope {
    /** Automated replies to the user's posts. */
    REPLY("reply", "automated replies to your posts"),
    /** Being @mentioned in automated posts. */
    MENTION("mention", "being mentioned in automated posts"),
    /** Automated direct messages. */
    DM("dm", "automated direct messages"),
    /** Being followed by an automated account. */
    FOLLOW("follow", "being followed by an automated account"),
    /** Linking the platform identity to one off the platform. */
    LINK_IDENTITY("link_identity", "linking your X account to your identity elsewhere");

    private final String wireName;
    private final String purpose;

    ConsentScope(String wireName, String purpose) {
        this.wireName = wireName;
        this.purpose = purpose;
    }

    /** The name in the store, on the command line and in receipts: {@code reply}, {@code link_identity}. */
    public String wireName() {
        return wireName;
    }

    /** The purpose in words, as a receipt states it. */
    public String purpose() {
        return purpose;
    }

    /**
     * The scope an action needs towards a user it reaches in {@code role}; empty for roles that need no consent:
     * unfollowing, and liking or reposting a user's post.
     */
    public static Optional<ConsentScope> forRole(TargetRole role) {
        return switch (role) {
            case REPLIED_TO -> Optional.of(REPLY);
            case MENTIONED -> Optional.of(MENTION);
            case RECIPIENT -> Optional.of(DM);
            case FOLLOWED -> Optional.of(FOLLOW);
            case UNFOLLOWED, POST_AUTHOR -> Optional.empty();
        };
    }

    /** The scope named {@code name} ({@code reply}, {@code DM}, case and {@code -}/{@code _} ignored). */
    public static ConsentScope parse(String name) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        for (ConsentScope scope : values()) {
            if (scope.wireName.equals(key)) {
                return scope;
            }
        }
        throw new IllegalArgumentException("unknown consent scope '" + name + "'; expected one of "
                + Arrays.stream(values()).map(ConsentScope::wireName).collect(Collectors.joining(", ")));
    }

    /** Scopes from a comma-separated list, as the store keeps them. */
    public static Set<ConsentScope> parseList(String names) {
        Set<ConsentScope> scopes = EnumSet.noneOf(ConsentScope.class);
        for (String name : names.split(",")) {
            if (!name.isBlank()) {
                scopes.add(parse(name));
            }
        }
        return scopes;
    }

    /** The comma-separated list the store keeps, in declaration order. */
    public static String toList(Set<ConsentScope> scopes) {
        return scopes.stream().sorted().map(ConsentScope::wireName).collect(Collectors.joining(","));
    }
}
