package dev.bridle.internal.optout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bridle.internal.config.KeywordFileReader;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A guard against accidental slowness, not a benchmark (JMH does that): classifying a message allocates little beyond
 * its words and the result, on the calling thread only.
 */
class KeywordMatcherCostTest {

    private static final List<String> MESSAGES = List.of(
            "STOP",
            "Stop. Thank you",
            "@acme_bot please stop sending text reminders",
            "I can't stop laughing",
            "stop by our booth at the fair this weekend!",
            "stpo",
            "ＳＴＯＰ",
            "\u0405\u0422\u041E\u0420",
            "Great thread, thanks for sharing the release notes with everyone 🎉 https://t.co/abc",
            "Dejen de enviarme mensajes por favor",
            "arrêtez de m'écrire",
            "Lass mich in Ruhe",
            "START",
            "help");

    /** Generous: a few hundred bytes of words and result, a few kilobytes for a tweet with ICU on the path. */
    private static final long MAX_BYTES_PER_MESSAGE = 8_000;

    @Test
    void classifyingAllocatesLittle() {
        com.sun.management.ThreadMXBean threads = threadBean();
        KeywordMatcher matcher = KeywordMatcher.of(KeywordFileReader.defaults());
        int sink = 0;
        for (int i = 0; i < 20_000; i++) {
            sink += matcher.classify(MESSAGES.get(i % MESSAGES.size())).rule().length();
        }
        int rounds = 10_000;
        long thread = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(thread);
        long started = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            sink += matcher.classify(MESSAGES.get(i % MESSAGES.size())).rule().length();
        }
        long nanos = System.nanoTime() - started;
        long perMessage = (threads.getThreadAllocatedBytes(thread) - before) / rounds;

        System.out.printf(
                "keyword matcher: %d bytes and %.1f µs per message (%d)%n", perMessage, nanos / 1000.0 / rounds, sink);
        assertThat(perMessage).isLessThan(MAX_BYTES_PER_MESSAGE);
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Assumptions.assumeTrue(
                bean instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemorySupported(),
                "this JVM cannot count allocated bytes");
        com.sun.management.ThreadMXBean sun = (com.sun.management.ThreadMXBean) bean;
        sun.setThreadAllocatedMemoryEnabled(true);
        return sun;
    }
}
