package dev.bridle.internal.config;

import dev.bridle.config.Purpose;
import dev.bridle.config.Schedule;
import dev.bridle.internal.secret.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints a configuration as YAML, the way it is in effect: every default filled in, every secret shown as {@code ****}
 * with a comment naming the environment variable it came from. Apart from the masked secrets, the output reads back as
 * the same configuration.
 */
public final class ConfigPrinter {

    private static final String MASK = "\"****\"";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./-]*");
    private static final Pattern NUMBER_LIKE = Pattern.compile("[-+0-9._eE]*|0[xXoObB].*");
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");
    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");
    private static final Pattern URL_USER_INFO = Pattern.compile("(//[^/:@]*:)[^/@]*@");

    private ConfigPrinter() {}

    private static List<String> purposes(Set<Purpose> purposes) {
        return purposes.stream().sorted().map(Purpose::configName).toList();
    }

    /** The configuration as YAML, secrets masked. */
    public static String print(BridleConfig config) {
        StringBuilder out = new StringBuilder();
        out.append("# Effective configuration from ")
                .append(config.source())
                .append(": defaults filled in, secrets masked.\n");
        out.append("environment: ").append(config.environment()).append('\n');
        out.append("dryRun: ").append(config.dryRun()).append('\n');
        out.append("app:\n");
        line(out, "  name", scalar(config.app().name()));
        line(out, "  purpose", scalar(config.app().purpose()));
        list(out, "  purposes", purposes(config.app().purposes()));
        out.append("store:\n");
        line(out, "  url", scalar(maskUrl(config.store().url())));
        line(out, "  username", scalar(config.store().username()));
        secret(out, "  password", config.store().password());
        out.append("  anchor: ")
                .append(
                        config.store().anchor() == null
                                ? "null  # the default place (docs/ledger.md)\n"
                                : scalar(config.store().anchor().toString()) + "\n");
        if (config.store().anchorKey() == null) {
            out.append("  anchorKey: null  # sealed by a checksum, not a key\n");
        } else {
            secret(out, "  anchorKey", config.store().anchorKey());
        }
        out.append("platform:\n");
        line(out, "  api", config.platform().api().label());
        out.append("  baseUrl: ").append(scalar(config.platform().baseUrl()));
        out.append(config.platform().baseUrl() == null ? "  # the platform's own\n" : "\n");
        out.append("scheduler:\n");
        line(out, "  threads", Integer.toString(config.scheduler().threads()));
        list(
                out,
                "modules",
                config.modules().stream().map(ConfigPrinter::scalar).toList());
        accounts(out, config.accounts());
        bots(out, config);
        SettingsPrinter.throttles(out, config.throttles());
        SettingsPrinter.duplicates(out, config.duplicates());
        SettingsPrinter.consent(out, config.consent());
        SettingsPrinter.optOut(out, config.optOut());
        SettingsPrinter.inbound(out, config.inbound());
        out.append("recognisers:\n");
        termFile(out, "  sensitiveTerms", config.sensitiveTermsFile());
        termFile(out, "  watchTerms", config.watchTermsFile());
        return out.toString();
    }

    private static void termFile(StringBuilder out, String key, Path file) {
        out.append(key)
                .append(": ")
                .append(file == null ? "null  # the terms shipped with Bridle" : scalar(file.toString()))
                .append('\n');
    }

    private static void accounts(StringBuilder out, List<AccountConfig> accounts) {
        if (accounts.isEmpty()) {
            out.append("accounts: []\n");
            return;
        }
        out.append("accounts:\n");
        for (AccountConfig account : accounts) {
            line(out, "  - handle", scalar(account.handle()));
            Credentials c = account.credentials();
            if (c == null) {
                out.append("    credentials: null  # none: this account acts in the sandbox\n");
            } else {
                out.append("    credentials:\n");
                secret(out, "      consumerKey", c.consumerKey());
                secret(out, "      consumerSecret", c.consumerSecret());
                secret(out, "      accessToken", c.accessToken());
                secret(out, "      accessTokenSecret", c.accessTokenSecret());
            }
        }
    }

    private static void bots(StringBuilder out, BridleConfig config) {
        List<BotConfig> bots = config.bots();
        if (bots.isEmpty()) {
            out.append("bots: []\n");
            return;
        }
        out.append("bots:\n");
        for (BotConfig bot : bots) {
            line(out, "  - name", scalar(bot.name()));
            line(out, "    class", scalar(bot.className()));
            line(out, "    account", scalar(bot.account()));
            if (bot.schedule() instanceof Schedule.Cron cron) {
                out.append("    schedule:\n");
                line(out, "      cron", scalar(cron.expression()));
                line(out, "      zone", scalar(cron.zone().getId()));
            } else if (bot.schedule() instanceof Schedule.Every every) {
                out.append("    schedule:\n");
                line(out, "      every", scalar(Intervals.format(every.interval())));
            } else {
                line(out, "    schedule", "null");
            }
            list(
                    out,
                    "    inbound",
                    bot.inbound().stream()
                            .sorted()
                            .map(i -> i.name().toLowerCase(Locale.ROOT))
                            .toList());
            list(out, "    purposes", purposes(bot.purposesUnder(config.app())));
            line(
                    out,
                    "    onThrottle",
                    config.throttles()
                            .settings()
                            .onThrottleFor(bot.name())
                            .name()
                            .toLowerCase(Locale.ROOT));
            line(out, "    onConsentEnd", bot.onConsentEnd().configName());
        }
    }

    static void line(StringBuilder out, String key, String value) {
        out.append(key).append(": ").append(value).append('\n');
    }

    static void list(StringBuilder out, String key, List<String> values) {
        out.append(key)
                .append(": [")
                .append(values.stream().collect(Collectors.joining(", ")))
                .append("]\n");
    }

    static void secret(StringBuilder out, String key, Secret secret) {
        if (secret == null) {
            line(out, key, "null");
            return;
        }
        out.append(key)
                .append(": ")
                .append(MASK)
                .append("  # ")
                .append(secret.variable()
                        .map(v -> "from ${env:" + v + "}")
                        .orElse("written in the file, not read from one ${env:NAME}"))
                .append('\n');
    }

    /** Plain when YAML reads it back as the same string, double-quoted otherwise. */
    static String scalar(String value) {
        if (value == null) {
            return "null";
        }
        // A literal ${ was written $${ in the file; write it so again, so the output reads back the same.
        value = value.replace("${", "$${");
        boolean plain = PLAIN.matcher(value).matches()
                && !NUMBER_LIKE.matcher(value).matches()
                && !RESERVED.contains(value.toLowerCase(Locale.ROOT));
        return plain ? value : Quoting.quote(value);
    }

    /** A JDBC URL with any password in it masked. */
    static String maskUrl(String url) {
        String masked = URL_PASSWORD.matcher(url).replaceAll("$1****");
        return URL_USER_INFO.matcher(masked).replaceAll("$1****@");
    }
}
