package dev.bridle.internal.cli;

import dev.bridle.BridleStore;
import dev.bridle.Contacts;
import dev.bridle.consent.ConsentRequest;
import dev.bridle.consent.ConsentScope;
import dev.bridle.consent.ContactChannel;
import dev.bridle.consent.ContactEvent;
import dev.bridle.consent.ContactHistory;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code bridle consent}: record and read users' consent.
 *
 * <pre>
 * $ bridle consent grant --user 2001 --scope reply,dm --reference "signup form 8812"
 * granted reply,dm to user 2001 on every account until 2027-11-28T09:00:00Z (receipt 6f1c...)
 * $ bridle consent show --user 2001
 * $ bridle consent withdraw --user 2001 --scope dm --reference "email of 2026-12-01"
 * $ bridle consent export --user 2001 --out receipts-2001.json
 * </pre>
 *
 * A grant from here is an explicit consent: it lifts the user's opt-out on the accounts it names, so it needs a
 * reference to where the user gave it. {@code --import} records old consent that must not lift a later opt-out.
 */
@Command(
        name = "consent",
        mixinStandardHelpOptions = true,
        subcommands = {
            ConsentCommand.Grant.class,
            ConsentCommand.Withdraw.class,
            ConsentCommand.Show.class,
            ConsentCommand.Export.class
        },
        description = {
            "Record and read users' consent to automated contact, with its evidence.",
            "Users are X user ids (digits), never handles: handles change hands."
        })
public final class ConsentCommand {

    /** How people read an account key: {@code every account} or {@code @handle}. */
    static String describe(String account) {
        return account.equals(ContactEvent.ALL_ACCOUNTS) ? "every account" : "@" + account;
    }

    /** What this command records is recorded as coming from the command line. */
    static Contacts contacts(BridleStore store) {
        return store.contacts().via(ContactChannel.CLI);
    }

    /** The scopes a command line names, comma-separated. */
    static final class ScopeList implements ITypeConverter<Set<ConsentScope>> {
        @Override
        public Set<ConsentScope> convert(String value) {
            try {
                return ConsentScope.parseList(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** An ISO-8601 duration ({@code P90D}) or days ({@code 90d}). */
    static final class Validity implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return value.matches("\\d+d")
                        ? Duration.ofDays(Long.parseLong(value.substring(0, value.length() - 1)))
                        : Duration.parse(value);
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new TypeConversionException("'" + value + "' is not a duration such as 90d or P90D");
            }
        }
    }

    /** {@code bridle consent grant}. */
    @Command(
            name = "grant",
            mixinStandardHelpOptions = true,
            description = {
                "Record that a user gave explicit consent, and where the proof is.",
                "It lifts the user's opt-out on the accounts it names (not with --import)."
            })
    static final class Grant implements Callable<Integer> {
        @Mixin
        private ConfigOption config;

        @Spec
        private CommandSpec spec;

        @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's X id (digits).")
        private String user;

        @Option(
                names = "--scope",
                required = true,
                paramLabel = "SCOPES",
                converter = ScopeList.class,
                description = "What they agreed to, comma-separated: reply, mention, dm, follow, link_identity.")
        private Set<ConsentScope> scopes;

        @Option(
                names = "--account",
                defaultValue = "*",
                paramLabel = "HANDLE",
                description = "One account, or * for every account of the operator (default).")
        private String account;

        @Option(
                names = "--reference",
                required = true,
                paramLabel = "TEXT",
                description = "Where the user's consent is recorded: a form id, a ticket, a message.")
        private String reference;

        @Option(
                names = "--valid-for",
                converter = Validity.class,
                paramLabel = "DURATION",
                description = "How long it lasts (90d, P90D); default: the configured expiry.")
        private Duration validFor;

        @Option(names = "--language", paramLabel = "TAG", description = "The language the user wrote in.")
        private String language;

        @Option(names = "--import", description = "An old record brought over: it never lifts an opt-out.")
        private boolean imported;

        @Override
        public Integer call() {
            try (BridleStore store = config.openStore()) {
                Contacts contacts = imported ? store.contacts().via(ContactChannel.IMPORT) : contacts(store);
                ContactEvent e = contacts.grant(ConsentRequest.of(user, scopes, reference)
                        .account(account)
                        .validFor(validFor)
                        .language(language));
                PrintWriter out = spec.commandLine().getOut();
                out.println("granted " + ConsentScope.toList(e.scopes()) + " to user " + e.userId() + " on "
                        + describe(e.account()) + " until " + e.expiresAt() + " (receipt " + e.id() + ")");
                if (contacts.status(user, e.account()).optedOut()) {
                    out.println("note: user " + user + " is still opted out of " + describe(e.account())
                            + (imported ? " (an import never lifts an opt-out)" : " on a wider scope than this grant"));
                }
                out.flush();
                return ExitCode.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("bridle consent grant: " + e.getMessage());
                return ExitCode.USAGE_ERROR;
            }
        }
    }

    /** {@code bridle consent withdraw}. */
    @Command(
            name = "withdraw",
            mixinStandardHelpOptions = true,
            description = "Record that a user withdrew consent (or, with --invalidate, that it was void).")
    static final class Withdraw implements Callable<Integer> {
        @Mixin
        private ConfigOption config;

        @Spec
        private CommandSpec spec;

        @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's X id (digits).")
        private String user;

        @Option(
                names = "--scope",
                paramLabel = "SCOPES",
                converter = ScopeList.class,
                description = "What they withdrew, comma-separated; default: everything.")
        private Set<ConsentScope> scopes = EnumSet.noneOf(ConsentScope.class);

        @Option(
                names = "--account",
                defaultValue = "*",
                paramLabel = "HANDLE",
                description = "One account, or * for every account of the operator (default).")
        private String account;

        @Option(
                names = "--reference",
                required = true,
                paramLabel = "TEXT",
                description = "Where the request is recorded.")
        private String reference;

        @Option(names = "--invalidate", description = "The consent was void (a mistaken import, an authority's order).")
        private boolean invalidate;

        @Override
        public Integer call() {
            try (BridleStore store = config.openStore()) {
                Contacts contacts = contacts(store);
                ContactEvent e = invalidate
                        ? contacts.invalidate(user, account, scopes, reference)
                        : contacts.withdraw(user, account, scopes, reference);
                spec.commandLine()
                        .getOut()
                        .println((invalidate ? "invalidated " : "withdrew ") + ConsentScope.toList(e.scopes())
                                + " of user " + e.userId() + " on " + describe(e.account()));
                spec.commandLine().getOut().flush();
                return ExitCode.OK;
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("bridle consent withdraw: " + e.getMessage());
                return ExitCode.USAGE_ERROR;
            }
        }
    }

    /** {@code bridle consent show}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Show a user's consent now, their opt-outs, and the history of both.")
    static final class Show implements Callable<Integer> {
        @Mixin
        private ConfigOption config;

        @Spec
        private CommandSpec spec;

        @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's X id (digits).")
        private String user;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (BridleStore store = config.openStore()) {
                print(out, store.contacts().history(user));
                out.flush();
                return ExitCode.OK;
            }
        }

        /** Prints {@code history} as {@code bridle consent show} does; {@code bridle people show} prints it too. */
        static void print(PrintWriter out, ContactHistory history) {
            out.println("user " + history.userId() + " with " + history.operator());
            if (history.consents().isEmpty()) {
                out.println("consent: none on record");
            }
            history.consentNow()
                    .forEach((key, covered) -> out.println("consent on " + describe(key) + ": "
                            + (covered.isEmpty() ? "none now" : ConsentScope.toList(covered))));
            if (history.optOutsNow().isEmpty()) {
                out.println("opt-out: none");
            }
            history.optOutsNow()
                    .forEach((key, e) -> out.println("opt-out: " + e.type() + " on " + describe(key) + " since "
                            + e.at() + " (" + e.channel() + (e.rule() == null ? "" : ", " + e.rule()) + ")"));
            out.println("history:");
            for (ContactEvent e : history.consents()) {
                out.println("  consent #" + e.seq() + " " + e.at() + " " + e.type() + " "
                        + ConsentScope.toList(e.scopes())
                        + " on " + describe(e.account()) + " via "
                        + e.channel()
                        + (e.expiresAt() == null ? "" : " until " + e.expiresAt()) + evidence(e));
            }
            for (ContactEvent e : history.optOuts()) {
                out.println("  opt-out #" + e.seq() + " " + e.at() + " " + e.type() + " on "
                        + describe(e.account()) + " via "
                        + e.channel() + evidence(e));
            }
        }

        private static String evidence(ContactEvent e) {
            StringBuilder s = new StringBuilder();
            if (e.messageId() != null) {
                s.append(" message ").append(e.messageId());
            }
            if (e.messageText() != null) {
                s.append(" \"").append(e.messageText().replaceAll("\\s+", " ")).append('"');
            }
            if (e.reference() != null) {
                s.append(" [").append(e.reference()).append(']');
            }
            return s.toString();
        }
    }

    /** {@code bridle consent export}. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            description = {"Write a user's consent receipts as JSON (Kantara / ISO/IEC TS 27560 field names)."})
    static final class Export implements Callable<Integer> {
        @Mixin
        private ConfigOption config;

        @Spec
        private CommandSpec spec;

        @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's X id (digits).")
        private String user;

        @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
        private Path file;

        @Override
        public Integer call() throws IOException {
            try (BridleStore store = config.openStore()) {
                String json = store.contacts().receipts(user);
                if (file == null) {
                    spec.commandLine().getOut().println(json);
                    spec.commandLine().getOut().flush();
                } else {
                    Files.writeString(file, json + System.lineSeparator(), StandardCharsets.UTF_8);
                }
                return ExitCode.OK;
            }
        }
    }
}
