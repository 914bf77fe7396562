package dev.bridle.internal.config;

import dev.bridle.internal.secret.Secret;
import dev.bridle.internal.yaml.DocPath;
import dev.bridle.internal.yaml.YamlNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads {@code accounts:}: handles, and credentials (all four, or none for the sandbox). */
final class AccountsReader {

    static final List<String> KEYS = List.of("handle", "credentials");
    static final List<String> CREDENTIAL_KEYS =
            List.of("consumerKey", "consumerSecret", "accessToken", "accessTokenSecret");

    static final Pattern HANDLE = Pattern.compile("[A-Za-z0-9_]{1,15}");
    static final String HANDLE_EXPECTED = "an @handle without the @: 1 to 15 letters, digits or _";

    private final NodeReader nodes;
    /** Every handle written, valid or not, lower case to as written: bots naming one are not reported again. */
    private final Map<String, String> handles = new LinkedHashMap<>();
    /** The valid handles, to suggest. */
    private final List<String> valid = new ArrayList<>();

    AccountsReader(NodeReader nodes) {
        this.nodes = nodes;
    }

    /** Handles written, valid or not, lower case (without any @) to as written. */
    Map<String, String> handles() {
        return handles;
    }

    /** The valid handles, in order. */
    List<String> validHandles() {
        return valid;
    }

    /**
     * The configured handle a per-account key names (as in {@code throttles.overrides} and {@code optout.accounts}), or
     * {@code null} after reporting that no account has it.
     */
    String configuredHandle(YamlNode.Entry entry, String path) {
        String bare = entry.key().startsWith("@") ? entry.key().substring(1) : entry.key();
        String handle = handles.get(bare.toLowerCase(Locale.ROOT));
        if (handle == null) {
            nodes.problems()
                    .add(
                            entry.keyLocation(),
                            path,
                            "no account " + Quoting.quote(entry.key()) + " is configured"
                                    + Suggestions.didYouMean(bare, handles.values()) + "; expected "
                                    + (valid.isEmpty()
                                            ? "the handle of an account under accounts: (none are configured)"
                                            : "one of the handles under accounts: " + String.join(", ", valid)));
        }
        return handle;
    }

    List<AccountConfig> read(YamlNode node, String path) {
        String expected = "a list of accounts, like - { handle: acme_news }";
        List<YamlNode> items = node == null ? List.of() : nodes.list(node, path, expected, false);
        List<AccountConfig> accounts = new ArrayList<>();
        Map<String, Integer> firstLine = new HashMap<>();
        AccountConfig firstSigned = null; // the first account with credentials: its app is the configuration's
        for (int i = 0; items != null && i < items.size(); i++) {
            String itemPath = DocPath.index(path, i);
            Section account = nodes.section(items.get(i), itemPath, "an account, like { handle: acme_news }", KEYS);
            if (account == null) {
                continue;
            }
            String handle = handle(account, firstLine);
            Credentials credentials = null;
            boolean credentialsOk = true;
            if (account.get("credentials") != null) {
                CredentialsResult result = credentials(account.get("credentials"), account.path("credentials"));
                credentials = result.credentials();
                credentialsOk = result.ok();
            }
            if (handle != null && credentialsOk) {
                AccountConfig config = new AccountConfig(handle, credentials);
                if (credentials != null && firstSigned == null) {
                    firstSigned = config;
                } else if (credentials != null) {
                    Optional<String> otherApp = OneAppRule.check(
                            handle,
                            credentials.consumerKey().reveal(),
                            firstSigned.handle(),
                            firstSigned.credentials().consumerKey().reveal());
                    if (otherApp.isPresent()) {
                        nodes.problem(account.get("credentials"), account.path("credentials"), otherApp.get());
                        continue;
                    }
                }
                accounts.add(config);
            }
        }
        return accounts;
    }

    private String handle(Section account, Map<String, Integer> firstLine) {
        YamlNode node = account.require("handle", HANDLE_EXPECTED);
        String handle = node == null ? null : nodes.text(node, account.path("handle"), HANDLE_EXPECTED);
        if (handle == null) {
            return null;
        }
        handle = handle.strip();
        // Remembered even when invalid, so bots naming it are not reported a second time.
        String bare = handle.startsWith("@") ? handle.substring(1) : handle;
        handles.putIfAbsent(bare.toLowerCase(Locale.ROOT), bare);
        if (!HANDLE.matcher(handle).matches()) {
            String hint = handle.startsWith("@")
                            && HANDLE.matcher(handle.substring(1)).matches()
                    ? " (write it without the @)"
                    : "";
            nodes.problem(
                    node,
                    account.path("handle"),
                    "found " + NodeReader.describe(node) + hint + ", which is not a valid handle; expected "
                            + HANDLE_EXPECTED);
            return null;
        }
        String key = handle.toLowerCase(Locale.ROOT);
        Integer earlier = firstLine.putIfAbsent(key, node.location().line());
        if (earlier != null) {
            nodes.problem(
                    node,
                    account.path("handle"),
                    "handle " + handle + " is already configured on line " + earlier
                            + "; expected each account once (handles ignore case)");
            return null;
        }
        valid.add(handle);
        return handle;
    }

    private record CredentialsResult(Credentials credentials, boolean ok) {}

    private CredentialsResult credentials(YamlNode node, String path) {
        String expected = "all four of " + String.join(", ", CREDENTIAL_KEYS)
                + ", or no credentials at all to run the account in the sandbox";
        Section section = nodes.section(node, path, expected, CREDENTIAL_KEYS);
        if (section == null) {
            return new CredentialsResult(null, false);
        }
        Map<String, Secret> secrets = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        boolean ok = true;
        for (String key : CREDENTIAL_KEYS) {
            YamlNode value = section.get(key);
            if (value == null) {
                missing.add(key);
                continue;
            }
            Secret secret = nodes.secret(
                    value,
                    section.path(key),
                    "the " + key + ", like \"${env:ACME_"
                            + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT) + "}\"");
            if (secret != null && secret.isEmpty()) {
                nodes.problem(
                        value,
                        section.path(key),
                        "found " + NodeReader.describe(value) + ", which is empty; expected the " + key
                                + ", not an empty value");
                secret = null;
            }
            ok &= secret != null;
            secrets.put(key, secret);
        }
        if (missing.size() == CREDENTIAL_KEYS.size()) {
            return new CredentialsResult(null, true); // {}: none, so the sandbox
        }
        if (!missing.isEmpty()) {
            nodes.problem(
                    node,
                    path,
                    "has " + String.join(", ", secrets.keySet()) + " but not " + String.join(", ", missing)
                            + "; expected " + expected);
            return new CredentialsResult(null, false);
        }
        return ok
                ? new CredentialsResult(
                        new Credentials(
                                secrets.get("consumerKey"),
                                secrets.get("consumerSecret"),
                                secrets.get("accessToken"),
                                secrets.get("accessTokenSecret")),
                        true)
                : new CredentialsResult(null, false);
    }
}
