package dev.bridle.internal.cli;

import dev.bridle.internal.text.StrictUtf8;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The lines of a command's input (a file, or standard input), read as UTF-8 one at a time and numbered from 1. Lines
 * end at {@code \n}, {@code \r\n} or {@code \r}, as {@link java.io.BufferedReader#readLine()} has them. A line that is
 * not UTF-8, or is longer than {@link #MAX_LINE_BYTES}, is a {@link MalformedLineException} that says what is wrong
 * with it: never a line with U+FFFD in place of the bytes, and never a failure without its line.
 */
final class InputLines implements AutoCloseable {

    /**
     * The longest line read, 1 MiB: a line holds one message or a pair of posts (a direct message is at most 10,000
     * characters, 40 KB of UTF-8), so a longer one is not input but a file named by mistake, and is refused before it
     * fills memory.
     */
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int number;
    /** The last line ended at {@code \r}: a {@code \n} right after it ends the same line. */
    private boolean skipLf;

    InputLines(InputStream in) {
        this.in = new BufferedInputStream(in);
    }

    /** A line that cannot be read as text; the message says why, without the line's number. */
    static final class MalformedLineException extends Exception {
        private static final long serialVersionUID = 1L;

        private final int line;

        MalformedLineException(int line, String message) {
            super(message);
            this.line = line;
        }

        /** The line's number, from 1. */
        int line() {
            return line;
        }
    }

    /**
     * The next line, without its end, or {@code null} after the last.
     *
     * @throws MalformedLineException if it is not UTF-8 or is too long; {@link #number()} is its number
     */
    String next() throws IOException, MalformedLineException {
        line.reset();
        int b = in.read();
        if (skipLf && b == '\n') {
            b = in.read();
        }
        skipLf = false;
        if (b < 0) {
            return null;
        }
        number++;
        while (b >= 0 && b != '\n' && b != '\r') {
            if (line.size() == MAX_LINE_BYTES) {
                skipRestOfLine();
                throw new MalformedLineException(
                        number, "longer than " + MAX_LINE_BYTES + " bytes; expected one text per" + " line");
            }
            line.write(b);
            b = in.read();
        }
        skipLf = b == '\r';
        return decode(line.toByteArray(), number);
    }

    /** The number of the line {@link #next()} returned or refused last, from 1. */
    int number() {
        return number;
    }

    /**
     * Why {@code text} cannot be written as UTF-8, or {@code null} if it can: a JSON string may spell half of a
     * surrogate pair ({@code "\ud800"}), which is no character at all, and would print as {@code ?}.
     */
    static String unencodable(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return String.format(
                        Locale.ROOT,
                        "\\u%04X at character %d is half of a surrogate pair, not a" + " character; expected text",
                        (int) c,
                        i + 1);
            }
        }
        return null;
    }

    private void skipRestOfLine() throws IOException {
        int b;
        do {
            b = in.read();
        } while (b >= 0 && b != '\n' && b != '\r');
        skipLf = b == '\r';
    }

    private static String decode(byte[] bytes, int number) throws MalformedLineException {
        try {
            return StrictUtf8.decode(bytes);
        } catch (StrictUtf8.Malformed e) {
            throw new MalformedLineException(
                    number,
                    String.format(
                            Locale.ROOT,
                            "not UTF-8 (byte 0x%02X at column %d); expected" + " UTF-8 text",
                            e.badByte(),
                            StrictUtf8.column(bytes, 0, e.offset())));
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
