package dev.bridle.platform;

import dev.bridle.bot.Account;
import dev.bridle.bot.UserRef;
import dev.bridle.guard.ActionKind;
import dev.bridle.guard.ActionRequest;
import dev.bridle.internal.text.ContentHash;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What an action would have left on the platform, to look for when it is in doubt ({@link Platform#findApplied}). It
 * holds the text's {@link ContentHash}, never the text, so it can be built from a ledger row as well as from a request.
 *
 * @param account the account that acted (its user id filled in)
 * @param kind what it did
 * @param contentHash the SHA-256 of the text, or {@code null} for actions without text
 * @param targetIds the users the action reached (the recipient of a message, the user followed)
 * @param postId the post replied to, liked or reposted, or {@code null} if unknown
 * @param notBefore the action cannot have taken effect before this time
 */
public record ActionTrace(
        Account account,
        ActionKind kind,
        String contentHash,
        List<String> targetIds,
        String postId,
        Instant notBefore) {

    public ActionTrace {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(notBefore, "notBefore");
        targetIds = targetIds == null ? List.of() : List.copyOf(targetIds);
        if (contentHash != null && !ContentHash.isSha256Hex(contentHash)) {
            throw new IllegalArgumentException("contentHash must be ContentHash.sha256Hex(text)");
        }
    }

    /** The trace of {@code request}, sent no earlier than {@code notBefore}. */
    public static ActionTrace of(ActionRequest request, Instant notBefore) {
        return new ActionTrace(
                request.account(),
                request.kind(),
                request.text() == null ? null : ContentHash.sha256Hex(request.text()),
                request.targetUsers().stream().map(UserRef::id).toList(),
                request.post() == null ? null : request.post().id(),
                notBefore);
    }

    /** Whether {@code text} is the text this action sent. */
    public boolean sameText(String text) {
        return contentHash != null && text != null && contentHash.equals(ContentHash.sha256Hex(text));
    }

    /** The first target, or {@code null}. */
    public String firstTarget() {
        return targetIds.isEmpty() ? null : targetIds.get(0);
    }
}
