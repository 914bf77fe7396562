package dev.bridle.internal.runtime;

import dev.bridle.bot.Account;
import dev.bridle.internal.people.DeletedContent;
import dev.bridle.platform.Platform;
import dev.bridle.platform.PlatformException;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns which posts Bridle keeps content from were deleted on the platform, and forgets that content: the developer
 * guidelines ask that deleted content go from everything stored within 24 hours, and housekeeping runs this every hour.
 * The posts are read back (rehydrated) as one of the operator's verified accounts; a post the platform neither returns
 * nor calls gone fails the check, and nothing is guessed.
 */
final class DeletedContentCheck implements Runnable {

    private static final Logger log = LoggerFactory.getLogger(DeletedContentCheck.class);

    private final DeletedContent content;
    private final Platform platform;
    private final Supplier<Account> readAs;

    /** @param readAs the account to read as, or a supplier of {@code null} when no account is verified */
    DeletedContentCheck(DeletedContent content, Platform platform, Supplier<Account> readAs) {
        this.content = Objects.requireNonNull(content, "content");
        this.platform = Objects.requireNonNull(platform, "platform");
        this.readAs = Objects.requireNonNull(readAs, "readAs");
    }

    @Override
    public void run() {
        Set<String> kept = content.keptPostIds();
        Account account = readAs.get();
        if (kept.isEmpty() || account == null) {
            return;
        }
        Set<String> deleted;
        try {
            deleted = platform.deletedPosts(account, kept);
        } catch (PlatformException e) {
            throw new IllegalStateException(
                    "cannot learn which of " + kept.size() + " posts were deleted: " + e.getMessage(), e);
        }
        DeletedContent.Purged purged = content.purge(deleted);
        log.debug(
                "{} of {} kept posts deleted on the platform; {} things forgotten",
                deleted.size(),
                kept.size(),
                purged.total());
    }
}
