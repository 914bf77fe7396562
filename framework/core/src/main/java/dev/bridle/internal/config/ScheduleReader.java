package dev.bridle.internal.config;

import dev.bridle.config.Schedule;
import dev.bridle.internal.yaml.YamlNode;
import dev.bridle.internal.yaml.YamlNode.YamlMap;
import java.text.ParseException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.quartz.CronExpression;

/** Reads a bot's {@code schedule:}: {@code { cron: ..., zone: ... }} or {@code { every: ... }}. */
final class ScheduleReader {

    static final List<String> KEYS = List.of("cron", "zone", "every");

    private static final String EXPECTED = "{ cron: \"0 0 9 * * ?\", zone: Europe/Paris } or { every: 15m }";
    private static final String CRON_EXPECTED =
            "a Quartz cron expression, seconds first, like \"0 0 9 * * ?\"" + " (09:00 every day)";
    private static final String EVERY_EXPECTED = "an interval of at least 1s, like 30s, 15m, 2h, 1d or PT15M";
    private static final String ZONE_EXPECTED = "a time zone, like Europe/Paris or UTC";

    private final NodeReader nodes;

    ScheduleReader(NodeReader nodes) {
        this.nodes = nodes;
    }

    /** The schedule, or {@code null} after reporting what is wrong. */
    Schedule read(YamlNode node, String path) {
        if (!(node instanceof YamlMap)) {
            nodes.wrongType(node, path, "a map, " + EXPECTED + hint(node));
            return null;
        }
        Section schedule = nodes.section(node, path, EXPECTED, KEYS);
        YamlNode cron = schedule.get("cron");
        YamlNode every = schedule.get("every");
        YamlNode zone = schedule.get("zone");
        if (cron != null && every != null) {
            nodes.problem(node, path, "has both cron and every; expected one of them: " + EXPECTED);
            return null;
        }
        if (cron == null && every == null) {
            if (!schedule.misspelt("cron") && !schedule.misspelt("every")) {
                nodes.problem(node, path, "has neither cron nor every; expected " + EXPECTED);
            }
            return null;
        }
        if (every != null) {
            if (zone != null) {
                nodes.problem(zone, schedule.path("zone"), "a zone applies only to cron; expected no zone with every");
            }
            Duration interval = interval(every, schedule.path("every"));
            return interval == null || zone != null ? null : new Schedule.Every(interval);
        }
        String expression = cron(cron, schedule.path("cron"));
        ZoneId zoneId = zone == null ? ConfigLoader.DEFAULT_CRON_ZONE : zone(zone, schedule.path("zone"));
        return expression == null || zoneId == null ? null : new Schedule.Cron(expression, zoneId);
    }

    /** For a schedule written as bare text: which of the two forms it looks like. */
    private static String hint(YamlNode node) {
        if (node instanceof YamlNode.YamlScalar scalar && !scalar.isNull()) {
            String text = scalar.text().strip();
            if (CronExpression.isValidExpression(text)) {
                return " (write { cron: " + Quoting.quote(text) + " })";
            }
            if (Intervals.parse(text).isPresent()) {
                return " (write { every: " + text + " })";
            }
        }
        return "";
    }

    private String cron(YamlNode node, String path) {
        String expression = nodes.text(node, path, CRON_EXPECTED);
        if (expression == null) {
            return null;
        }
        try {
            CronExpression.validateExpression(expression.strip());
            return expression.strip();
        } catch (ParseException e) {
            nodes.problem(
                    node,
                    path,
                    "found " + NodeReader.describe(node) + ", which is not a valid cron expression (" + e.getMessage()
                            + "); expected " + CRON_EXPECTED);
            return null;
        }
    }

    private Duration interval(YamlNode node, String path) {
        String text = nodes.text(node, path, EVERY_EXPECTED);
        if (text == null) {
            return null;
        }
        Duration interval = Intervals.parse(text).orElse(null);
        if (interval == null) {
            String hint = text.strip().matches("\\d+") ? ", which has no unit" : ", which is not an interval";
            nodes.problem(node, path, "found " + NodeReader.describe(node) + hint + "; expected " + EVERY_EXPECTED);
            return null;
        }
        if (interval.compareTo(Intervals.MINIMUM) < 0) {
            nodes.problem(
                    node,
                    path,
                    "found " + NodeReader.describe(node) + ", which is shorter than "
                            + Intervals.format(Intervals.MINIMUM) + "; expected " + EVERY_EXPECTED);
            return null;
        }
        return interval;
    }

    private ZoneId zone(YamlNode node, String path) {
        String text = nodes.text(node, path, ZONE_EXPECTED);
        if (text == null) {
            return null;
        }
        try {
            return ZoneId.of(text.strip());
        } catch (DateTimeException e) {
            nodes.problem(
                    node,
                    path,
                    "found " + NodeReader.describe(node) + ", which is not a time zone"
                            + Suggestions.didYouMean(
                                    text.strip(),
                                    ZoneId.getAvailableZoneIds().stream()
                                            .sorted()
                                            .toList())
                            + "; expected " + ZONE_EXPECTED);
            return null;
        }
    }
}
