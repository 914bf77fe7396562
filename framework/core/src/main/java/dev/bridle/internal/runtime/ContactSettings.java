package dev.bridle.internal.runtime;

import dev.bridle.internal.config.BridleConfig;
import dev.bridle.internal.consent.ConsentSettings;
import dev.bridle.internal.inbound.WebhookSettings;
import dev.bridle.internal.optout.OptOutSettings;
import java.util.Objects;

/**
 * How a runtime handles contact with users: consent records, opt-outs and the inbound webhook, as configured under
 * {@code consent:}, {@code optout:} and {@code inbound.webhook:} ({@link #of(BridleConfig)});
 * {@code docs/consent-and-opt-out.md} describes the keys.
 *
 * @param consent consent records and checks
 * @param optOut opt-out scope, keywords and replies
 * @param webhook the Account Activity webhook endpoint
 */
public record ContactSettings(ConsentSettings consent, OptOutSettings optOut, WebhookSettings webhook) {

    public ContactSettings {
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(optOut, "optOut");
        Objects.requireNonNull(webhook, "webhook");
    }

    /** The settings {@code config} holds. */
    public static ContactSettings of(BridleConfig config) {
        return new ContactSettings(
                config.consent(), config.optOut(), config.inbound().webhook());
    }

    /** The defaults, with {@code operator} (the app's name) as the operator in consent records. */
    public static ContactSettings defaults(String operator) {
        return new ContactSettings(
                ConsentSettings.defaults(operator), OptOutSettings.defaults(), WebhookSettings.defaults());
    }
}
