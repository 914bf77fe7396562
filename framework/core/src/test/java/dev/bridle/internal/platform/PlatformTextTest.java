package dev.bridle.internal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.bridle.internal.text.PlatformText;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class PlatformTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode entities(String json) throws Exception {
        return JSON.readTree(json);
    }

    /** What the platform does to a post's text, besides links. */
    private static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    @Property
    void anyPostTextComesBackAsWrittenFromItsEscapedForm(@ForAll String written) {
        assertThat(PlatformText.postAsWritten(escapeHtml(written), null)).isEqualTo(written);
    }

    @Test
    void entitiesThatLookEscapedSurviveTheRoundTrip() {
        assertThat(PlatformText.postAsWritten(escapeHtml("write &amp; for & and &lt; for <"), null))
                .isEqualTo("write &amp; for & and &lt; for <");
    }

    @Test
    void eachTcoLinkGetsBackTheLinkWritten() throws Exception {
        JsonNode entities = entities("""
                {"urls":[{"url":"https://t.co/AAAAAAAAAA","expanded_url":"https://example.com/a?x=1&y=2"},
                         {"url":"https://t.co/BBBBBBBBBB","expanded_url":"http://acme.dev"}]}""");

        assertThat(PlatformText.postAsWritten(
                        "R&amp;D: https://t.co/AAAAAAAAAA and https://t.co/BBBBBBBBBB.", entities))
                .isEqualTo("R&D: https://example.com/a?x=1&y=2 and http://acme.dev.");
    }

    @Test
    void messagesAreNotUnescapedAndMissingEntitiesChangeNothing() throws Exception {
        assertThat(PlatformText.messageAsWritten("fish &amp; chips https://t.co/AAAAAAAAAA", null))
                .isEqualTo("fish &amp; chips https://t.co/AAAAAAAAAA");
        assertThat(PlatformText.messageAsWritten("see https://t.co/AAAAAAAAAA", entities("""
                {"urls":[{"url":"https://t.co/AAAAAAAAAA","expanded_url":"https://example.com"},{"url":"","expanded_url":"x"}]}""")))
                .isEqualTo("see https://example.com");
        assertThat(PlatformText.postAsWritten(null, null)).isNull();
    }
}
