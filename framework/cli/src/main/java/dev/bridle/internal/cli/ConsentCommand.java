package dev.bridle.internal.cli;

import dev.bridle.consent.ConsentScope;
import dev.bridle.internal.consent.Accounts;
import dev.bridle.internal.consent.Channel;
import dev.bridle.internal.consent.ConsentEvent;
import dev.bridle.internal.consent.ConsentGrant;
import dev.bridle.internal.consent.ConsentReceipts;
import dev.bridle.internal.consent.ConsentState;
import dev.bridle.internal.consent.Evidence;
import dev.bridle.internal.optout.OptOutEvent;
import dev.bridle.internal.optout.OptOutStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.Map;
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
            Clock clock = Clock.systemUTC();
            try (ContactAccess access = ContactAccess.open(config.load(), clock)) {
                ConsentGrant grant = ConsentGrant.of(
                                user, scopes, Evidence.reference(imported ? Channel.IMPORT : Channel.CLI, reference))
                        .account(account)
                        .language(language);
                if (validFor != null) {
                    grant = grant.expiresAt(clock.instant().plus(validFor));
                }
                ConsentEvent e = access.consents().grant(grant);
                PrintWriter out = spec.commandLine().getOut();
                out.println("granted " + ConsentScope.toList(e.scopes()) + " to user " + e.subjectId() + " on "
                        + Accounts.describe(e.account()) + " until " + e.expiresAt() + " (receipt " + e.eventId()
                        + ")");
                OptOutStatus status = access.optOuts().status(user);
                if (status.suppressed(e.account())) {
                    out.println("note: user " + user + " is still opted out of " + Accounts.describe(e.account())
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
            try (ContactAccess access = ContactAccess.open(config.load(), Clock.systemUTC())) {
                Evidence evidence = Evidence.reference(Channel.CLI, reference);
                ConsentEvent e = invalidate
                        ? access.consents().invalidate(user, account, scopes, evidence)
                        : access.consents().withdraw(user, account, scopes, evidence);
                spec.commandLine()
                        .getOut()
                        .println((invalidate ? "invalidated " : "withdrew ") + ConsentScope.toList(e.scopes())
                                + " of user " + e.subjectId() + " on " + Accounts.describe(e.account()));
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
            Clock clock = Clock.systemUTC();
            PrintWriter out = spec.commandLine().getOut();
            try (ContactAccess access = ContactAccess.open(config.load(), clock)) {
                Instant now = clock.instant();
                ConsentState state = access.consents().state(user);
                OptOutStatus optOut = access.optOuts().status(user);
                out.println(
                        "user " + user + " with " + access.consents().settings().operator());
                if (state.history().isEmpty()) {
                    out.println("consent: none on record");
                }
                for (String key : state.accounts()) {
                    Set<ConsentScope> covered = state.coveredScopes(key, now);
                    out.println("consent on " + Accounts.describe(key) + ": "
                            + (covered.isEmpty() ? "none now" : ConsentScope.toList(covered)));
                }
                Map<String, OptOutEvent> suppressed = optOut.suppressions();
                if (suppressed.isEmpty()) {
                    out.println("opt-out: none");
                }
                suppressed.forEach((key, e) -> out.println("opt-out: " + e.type() + " on " + Accounts.describe(key)
                        + " since " + e.at() + " (" + e.evidence().channel()
                        + (e.trigger().rule() == null ? "" : ", " + e.trigger().rule()) + ")"));
                out.println("history:");
                for (ConsentEvent e : state.history()) {
                    out.println("  consent #" + e.seq() + " " + e.at() + " " + e.type() + " "
                            + ConsentScope.toList(e.scopes())
                            + " on " + Accounts.describe(e.account()) + " via "
                            + e.evidence().channel()
                            + (e.expiresAt() == null ? "" : " until " + e.expiresAt()) + evidence(e.evidence()));
                }
                for (OptOutEvent e : optOut.history()) {
                    out.println("  opt-out #" + e.seq() + " " + e.at() + " " + e.type() + " on "
                            + Accounts.describe(e.account()) + " via "
                            + e.evidence().channel() + evidence(e.evidence()));
                }
                out.flush();
                return ExitCode.OK;
            }
        }

        private static String evidence(Evidence e) {
            StringBuilder s = new StringBuilder();
            if (e.inboundId() != null) {
                s.append(" message ").append(e.inboundId());
            }
            if (e.inboundText() != null) {
                s.append(" \"").append(e.inboundText().replaceAll("\\s+", " ")).append('"');
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
            Clock clock = Clock.systemUTC();
            try (ContactAccess access = ContactAccess.open(config.load(), clock)) {
                ConsentReceipts receipts = new ConsentReceipts(access.consents().settings());
                String json =
                        ConsentReceipts.toJson(receipts.export(access.consents().state(user), clock.instant()));
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
