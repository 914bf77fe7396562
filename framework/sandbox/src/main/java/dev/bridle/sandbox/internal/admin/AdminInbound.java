package dev.bridle.sandbox.internal.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.bridle.sandbox.SandboxDm;
import dev.bridle.sandbox.SandboxPost;
import dev.bridle.sandbox.internal.SandboxServices;
import java.util.List;

/** Injects what simulated users do: mentions (or replies) and direct messages. */
final class AdminInbound {
    private final SandboxServices services;

    AdminInbound(SandboxServices services) {
        this.services = services;
    }

    List<AdminRoute> routes() {
        return List.of(
                AdminRoute.creating(
                        "POST",
                        "/mentions",
                        "a simulated user mentions an account: "
                                + "{\"from\":\"ana\",\"to\":\"acme\",\"text\":\"...\"} or replies to a post: "
                                + "{\"from\":\"ana\",\"inReplyTo\":\"<post id>\",\"text\":\"...\"}; optional \"lang\" (a BCP 47"
                                + " code, default en)",
                        this::mention),
                AdminRoute.creating(
                        "POST",
                        "/dms",
                        "a simulated user messages an account: "
                                + "{\"from\":\"ana\",\"to\":\"acme\",\"text\":\"...\"}",
                        this::dm));
    }

    private JsonNode mention(AdminRequest r) {
        String from = r.required("from");
        String text = r.required("text");
        String inReplyTo = r.optional("inReplyTo");
        String lang = r.optional("lang") == null ? SandboxPost.DEFAULT_LANG : r.optional("lang");
        if (!SandboxPost.isLanguageTag(lang)) {
            throw new AdminException(
                    400, "lang '" + lang + "' is not a BCP 47 language code (en, de, pt-BR, und, ...)");
        }
        try {
            SandboxPost post = inReplyTo != null
                    ? services.inbound().reply(from, inReplyTo, text, lang)
                    : services.inbound().mention(from, r.required("to"), text, lang);
            return AdminJson.post(post);
        } catch (IllegalArgumentException e) {
            throw new AdminException(404, e.getMessage());
        }
    }

    private JsonNode dm(AdminRequest r) {
        try {
            SandboxDm dm = services.inbound().dm(r.required("from"), r.required("to"), r.required("text"));
            return AdminJson.dm(dm);
        } catch (IllegalArgumentException e) {
            throw new AdminException(404, e.getMessage());
        }
    }
}
