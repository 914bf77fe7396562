package dev.bridle.internal.cli;

import dev.bridle.Accounts;
import dev.bridle.BridleStore;
import dev.bridle.internal.config.AccountConfig;
import dev.bridle.internal.config.BridleConfig;
import dev.bridle.platform.AccountPause;
import dev.bridle.platform.LimitPause;
import java.io.PrintWriter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bridle accounts}: which accounts the platform made Bridle pause, and resuming them. */
@Command(
        name = "accounts",
        mixinStandardHelpOptions = true,
        subcommands = {AccountsCommand.ListAccounts.class, AccountsCommand.Resume.class},
        description = {
            "Which accounts are paused after the platform locked, flagged or refused them",
            "(codes 326, 226, 261, 64, 89, 32), and which actions wait for a daily limit's window to end."
        })
public final class AccountsCommand {

    /** {@code bridle accounts list}. */
    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description =
                    "Every configured account: active or paused (why, since when, what to do), and its daily limits.")
    public static final class ListAccounts implements Callable<Integer> {

        @Mixin
        private ConfigOption config;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            BridleConfig loaded = config.load();
            PrintWriter out = spec.commandLine().getOut();
            try (BridleStore store = config.openStore()) {
                Accounts accounts = store.accounts();
                List<AccountPause> paused = accounts.paused();
                List<LimitPause> limits = accounts.limitPauses();
                Set<String> handles = new LinkedHashSet<>();
                loaded.accounts().stream()
                        .map(AccountConfig::handle)
                        .map(h -> h.toLowerCase(Locale.ROOT))
                        .forEach(handles::add);
                paused.forEach(p -> handles.add(p.handle()));
                for (String handle : handles) {
                    Optional<AccountPause> pause = paused.stream()
                            .filter(p -> p.handle().equals(handle))
                            .findFirst();
                    out.println("@" + handle + "  "
                            + pause.map(p -> "PAUSED " + p.describe()).orElse("active"));
                    limits.stream()
                            .filter(l -> l.handle().equals(handle))
                            .forEach(l -> out.println("    "
                                    + l.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                                    + "s wait for a daily limit until "
                                    + l.until() + (l.errorCode() > 0 ? " (code " + l.errorCode() + ")" : "")));
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }

    /** {@code bridle accounts resume HANDLE}. */
    @Command(
            name = "resume",
            mixinStandardHelpOptions = true,
            description = {
                "Resume a paused account: its actions are checked and sent again.",
                "Fix the cause first (the list command says what to do); bad credentials are checked again at start-up."
            })
    public static final class Resume implements Callable<Integer> {

        @Mixin
        private ConfigOption config;

        @Parameters(index = "0", paramLabel = "HANDLE", description = "The account's handle, with or without @.")
        private String handle;

        @Spec
        private CommandSpec spec;

        @Override
        public Integer call() {
            BridleConfig loaded = config.load();
            String name = (handle.startsWith("@") ? handle.substring(1) : handle).toLowerCase(Locale.ROOT);
            PrintWriter out = spec.commandLine().getOut();
            try (BridleStore store = config.openStore()) {
                Optional<AccountPause> pause = store.accounts().pauseOf(name);
                if (pause.isEmpty() && loaded.account(name).isEmpty()) {
                    spec.commandLine()
                            .getErr()
                            .println("@" + name + " is neither configured in " + loaded.source() + " nor paused");
                    return ExitCode.USAGE_ERROR;
                }
                if (pause.isEmpty()) {
                    out.println("@" + name + " is not paused");
                } else {
                    store.accounts().resume(name);
                    out.println("@" + name + " resumed (it was " + pause.get().reason() + " since "
                            + pause.get().since() + "); its actions are checked and sent again");
                }
            }
            out.flush();
            return ExitCode.OK;
        }
    }
}
