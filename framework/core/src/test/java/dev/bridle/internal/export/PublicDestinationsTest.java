package dev.bridle.internal.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What Bridle can tell is public, it refuses; a plain local file is written. */
class PublicDestinationsTest {

    @Test
    void urlsAndWebRootsAreRefusedAndAPlainLocalFileIsNot() {
        assertThat(PublicDestinations.problem("s3://acme-public/export.json"))
                .hasValueSatisfying(p -> assertThat(p).contains("is a URL"));
        assertThat(PublicDestinations.problem("https://acme.example/export.json"))
                .isPresent();
        assertThat(PublicDestinations.problem("/var/www/html/export.json"))
                .hasValueSatisfying(p -> assertThat(p).contains("/var/www"));
        assertThat(PublicDestinations.problem("/home/ops/public_html/x.json"))
                .hasValueSatisfying(p -> assertThat(p).contains("public_html"));
        assertThat(PublicDestinations.problem("/srv/www/../www/x.json")).isPresent();
        assertThat(PublicDestinations.problem("/home/ops/exports/acme-partner-2026-12-03.json"))
                .isEmpty();
        assertThat(PublicDestinations.problem("exports/out.json")).isEmpty();
    }
}
