package dev.bridle.internal.cli;

import dev.bridle.BridleStore;
import dev.bridle.HeldFact;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bridle people}: what Bridle holds about one person, and forgetting it (access and erasure requests). */
@Command(
        name = "people",
        mixinStandardHelpOptions = true,
        subcommands = {PeopleCommand.Show.class, PeopleCommand.Forget.class},
        description = {
            "What Bridle holds about a person: the facts bots remember, their consent and their opt-outs.",
            "People are named by their X user id (digits): handles change hands."
        })
public final class PeopleCommand {

    /** {@code bridle people show USER}. */
    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description =
                    "Everything Bridle holds about USER: each bot's facts, consent and opt-outs with their history.")
    public static final class Show implements Callable<Integer> {

        @Mixin
        private ConfigOption config;

        @Parameters(index = "0", paramLabel = "USER", description = "The user's X id (digits).")
        private String user;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            if (!isUserId(user, spec)) {
                return ExitCode.USAGE_ERROR;
            }
            PrintWriter out = spec.commandLine().getOut();
            try (BridleStore store = config.openStore()) {
                List<HeldFact> facts = store.people().facts(user);
                out.println("facts: " + (facts.isEmpty() ? "none" : facts.size()));
                for (HeldFact f : facts) {
                    out.println("  " + f.bot() + "  " + f.key() + " = " + f.value() + "  (" + origin(f) + ", "
                            + f.updatedAt() + ")");
                }
                ConsentCommand.Show.print(out, store.contacts().history(user));
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    /** Where a fact came from, as the person asking would want to know it. */
    static String origin(HeldFact fact) {
        if (fact.provided()) {
            return "they provided it, message " + fact.source();
        }
        return fact.source() == null ? "kept by the bot" : "kept by the bot, from post " + fact.source();
    }

    /** {@code bridle people forget USER}. */
    @Command(
            name = "forget",
            mixinStandardHelpOptions = true,
            description = {
                "Forget every fact any bot holds about USER.",
                "Their opt-outs and consent history stay: they are what keeps Bridle honouring the person's choices."
            })
    public static final class Forget implements Callable<Integer> {

        @Mixin
        private ConfigOption config;

        @Parameters(index = "0", paramLabel = "USER", description = "The user's X id (digits).")
        private String user;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            if (!isUserId(user, spec)) {
                return ExitCode.USAGE_ERROR;
            }
            PrintWriter out = spec.commandLine().getOut();
            try (BridleStore store = config.openStore()) {
                int forgotten = store.people().forget(user);
                out.println("forgot " + forgotten + " fact" + (forgotten == 1 ? "" : "s") + " about user " + user
                        + "; their opt-outs and consent history are kept");
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    private static boolean isUserId(String user, CommandSpec spec) {
        if (!user.isEmpty() && user.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return true;
        }
        spec.commandLine()
                .getErr()
                .println("'" + user + "' is not a user id: give the person's X id (digits), not a handle;"
                        + " handles change hands, so Bridle keys people by id");
        return false;
    }
}
