package dev.bridle.internal.node;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The part of a configuration every node on one store must share, in a canonical form with every secret masked, and its
 * SHA-256: two nodes agree when their hashes are equal, and {@link #differingSections} names where they do not.
 *
 * <p>The form is {@code ConfigPrinter}'s effective configuration (defaults filled in, secrets as {@code "****"}), by
 * top-level section. Compared ({@link #CHECKED}): {@code environment}, {@code dryRun}, {@code app}, {@code platform},
 * {@code modules}, {@code accounts}, {@code bots}, {@code throttles}, {@code duplicates}, {@code consent},
 * {@code optout}, {@code recognisers} (which term files judge facts and watch rules, as the keyword file) and
 * {@code inbound} except the webhook's {@code enabled}, {@code bind} and {@code port}. Left out as what may differ per
 * node ({@link #PER_NODE}): {@code store} (its URL may name the server differently, the user and password are the
 * node's) and {@code scheduler} (threads). Secrets are never compared, nor where they come from (an environment
 * variable on one node, the file on another): only whether they are set. A section this class does not know is
 * compared, and {@code ConfigFingerprintTest} fails until it is classified.
 *
 * @param text the canonical form, one {@code section:} block after another
 * @param hash the SHA-256 of {@code text}, in hex
 */
public record ConfigFingerprint(String text, String hash) {

    /** The sections every node must share. */
    public static final Set<String> CHECKED = Set.of(
            "environment",
            "dryRun",
            "app",
            "platform",
            "modules",
            "accounts",
            "bots",
            "throttles",
            "duplicates",
            "consent",
            "optout",
            "inbound",
            "recognisers");

    /** The sections that may differ from node to node. */
    public static final Set<String> PER_NODE = Set.of("store", "scheduler");

    /** Lines of the inbound section that may differ per node: which node receives the webhook, and where. */
    private static final Pattern PER_NODE_INBOUND = Pattern.compile(" {4}(enabled|bind|port): .*");
    /** A masked secret's comment says where it came from, which may differ per node. */
    private static final Pattern SECRET_COMMENT = Pattern.compile("(: \"\\*\\*\\*\\*\")  #.*");

    public ConfigFingerprint {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(hash, "hash");
    }

    /**
     * The fingerprint of a configuration, from its effective form as {@code ConfigPrinter.print} writes it (the
     * registry compares text, so it needs nothing of the configuration's model).
     */
    public static ConfigFingerprint of(String effectiveConfig) {
        StringBuilder canonical = new StringBuilder();
        sections(effectiveConfig).forEach((name, body) -> {
            if (!PER_NODE.contains(name)) {
                canonical.append(name.equals("inbound") ? withoutPerNodeInbound(body) : body);
            }
        });
        String text = canonical.toString();
        return new ConfigFingerprint(text, sha256(text));
    }

    /** The sections of {@code text} (a canonical form, or the printer's output), by name, in order. */
    static Map<String, String> sections(String text) {
        Map<String, String> sections = new LinkedHashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n")) {
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!line.startsWith(" ") && !line.startsWith("-")) {
                if (name != null) {
                    sections.put(name, body.toString());
                }
                name = line.substring(0, Math.max(0, line.indexOf(':')));
                body.setLength(0);
            }
            body.append(SECRET_COMMENT.matcher(line).replaceAll("$1")).append('\n');
        }
        if (name != null) {
            sections.put(name, body.toString());
        }
        return sections;
    }

    /** The names of the sections whose content differs between this and {@code other}, in this one's order. */
    public List<String> differingSections(ConfigFingerprint other) {
        Map<String, String> mine = sections(text);
        Map<String, String> theirs = sections(other.text);
        List<String> differ = new ArrayList<>();
        mine.forEach((name, body) -> {
            if (!body.equals(theirs.get(name))) {
                differ.add(name);
            }
        });
        theirs.keySet().stream().filter(name -> !mine.containsKey(name)).forEach(differ::add);
        return differ;
    }

    private static String withoutPerNodeInbound(String body) {
        StringBuilder kept = new StringBuilder();
        for (String line : body.split("\n")) {
            if (!PER_NODE_INBOUND.matcher(line).matches()) {
                kept.append(line).append('\n');
            }
        }
        return kept.toString();
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
