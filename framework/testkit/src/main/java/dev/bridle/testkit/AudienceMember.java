package dev.bridle.testkit;

import dev.bridle.bot.UserRef;
import dev.bridle.sandbox.Sandbox;
import dev.bridle.sandbox.SandboxPost;
import java.util.Objects;

/**
 * One person in a test's audience, on the sandbox: they mention an account, write to it, consent to its messages and
 * opt out, as a real user would, through the platform. Nothing they do reaches a bot until {@link TestBridle#runDue()}
 * or {@link TestBridle#advance} polls for it.
 */
public final class AudienceMember {

    private final Sandbox sandbox;
    private final String handle;

    AudienceMember(Sandbox sandbox, String handle) {
        this.sandbox = sandbox;
        this.handle = handle;
    }

    /** Their handle, without the {@code @}. */
    public String handle() {
        return handle;
    }

    /** Who they are to a bot. */
    public UserRef user() {
        return new UserRef(sandbox.userId(handle), handle);
    }

    /** Posts {@code text} mentioning {@code account} (the {@code @account} is put in front); returns the post's id. */
    public String mentions(String account, String text) {
        Objects.requireNonNull(text, "text");
        SandboxPost post = sandbox.injectMention(handle, account, "@" + strip(account) + " " + text);
        return post.id();
    }

    /** Sends {@code account} a direct message. */
    public void messages(String account, String text) {
        sandbox.injectDm(handle, account, Objects.requireNonNull(text, "text"));
    }

    /**
     * Consents to {@code account}'s messages the way the shipped keywords let a user: by writing START to it. The
     * consent covers what the configured notice offers; Bridle acknowledges it once.
     */
    public void consentsTo(String account) {
        messages(account, "START");
    }

    /** Opts out of {@code account}'s messages by writing STOP to it; Bridle confirms once, and sends nothing more. */
    public void optsOutOf(String account) {
        messages(account, "STOP");
    }

    private static String strip(String account) {
        return account.startsWith("@") ? account.substring(1) : account;
    }

    @Override
    public String toString() {
        return "@" + handle;
    }
}
