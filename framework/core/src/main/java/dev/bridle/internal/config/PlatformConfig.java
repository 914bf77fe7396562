package dev.bridle.internal.config;

import java.util.Objects;

/**
 * The platform API.
 *
 * @param api which API version writes use: {@code v2} (the default) or {@code v1.1}
 * @param baseUrl the API's base URL, or {@code null} for the real platform's; ignored in the sandbox
 */
public record PlatformConfig(ApiVersion api, String baseUrl) {

    /** The X API versions Bridle can speak. */
    public enum ApiVersion {
        V2("v2"),
        V1_1("v1.1");

        private final String label;

        ApiVersion(String label) {
            this.label = label;
        }

        /** As written in configuration. */
        public String label() {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    public PlatformConfig {
        Objects.requireNonNull(api, "api");
    }
}
