package dev.bridle.internal.text;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 decoded strictly: bytes that are not UTF-8 are reported where they are, never replaced with U+FFFD, so that a
 * configuration, a keyword or an input line is never read as something its author did not write.
 */
public final class StrictUtf8 {

    private StrictUtf8() {}

    /** The bytes stop being UTF-8 at {@link #offset()}. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        private final int offset;
        private final int badByte;

        private Malformed(int offset, int badByte) {
            super(String.format(java.util.Locale.ROOT, "byte 0x%02X at offset %d is not UTF-8", badByte, offset));
            this.offset = offset;
            this.badByte = badByte;
        }

        /** Where the first byte that is not UTF-8 is, from 0. */
        public int offset() {
            return offset;
        }

        /** That byte, 0 to 255. */
        public int badByte() {
            return badByte;
        }
    }

    /** {@code bytes} as text; throws naming where they stop being UTF-8. */
    public static String decode(byte[] bytes) throws Malformed {
        CharsetDecoder decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw new Malformed(in.position(), bytes[in.position()] & 0xFF);
        }
        decoder.flush(out);
        return out.flip().toString();
    }

    /** The column, in characters from 1, of byte {@code offset} on the line that starts at byte {@code lineStart}. */
    public static int column(byte[] bytes, int lineStart, int offset) {
        String before = new String(bytes, lineStart, offset - lineStart, StandardCharsets.UTF_8);
        return before.codePointCount(0, before.length()) + 1;
    }
}
