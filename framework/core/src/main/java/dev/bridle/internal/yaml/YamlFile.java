package dev.bridle.internal.yaml;

import dev.bridle.internal.text.StrictUtf8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads a YAML file's text: at most a given number of bytes, and strictly as UTF-8. A file over the limit is refused
 * before it is parsed (the parser's time and memory grow with the file, and a configuration named by mistake, a log or
 * {@code /dev/zero}, must fail at once, not after minutes); a byte sequence that is not UTF-8 is refused with its line
 * and column, never read as U+FFFD.
 */
public final class YamlFile {

    private YamlFile() {}

    /**
     * The text of {@code file}.
     *
     * @throws TooLargeException if it holds more than {@code maxBytes} bytes
     * @throws NotUtf8Exception if it is not UTF-8, naming where
     * @throws IOException as {@link Files#newInputStream} does when it cannot be opened or read
     *     ({@link java.nio.file.NoSuchFileException}, {@link java.nio.file.AccessDeniedException}, ...)
     */
    public static String read(Path file, int maxBytes) throws IOException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes(maxBytes + 1);
        }
        if (bytes.length > maxBytes) {
            long size = Files.isRegularFile(file) ? Files.size(file) : -1;
            throw new TooLargeException(size, maxBytes);
        }
        return decode(bytes);
    }

    /** {@code bytes} as UTF-8, or where they stop being UTF-8. */
    static String decode(byte[] bytes) throws NotUtf8Exception {
        try {
            return StrictUtf8.decode(bytes);
        } catch (StrictUtf8.Malformed e) {
            throw NotUtf8Exception.at(bytes, e.offset());
        }
    }

    /** A file over the size limit. */
    public static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        private final long size;
        private final int maxBytes;

        TooLargeException(long size, int maxBytes) {
            super((size < 0 ? "more than " + maxBytes + " bytes" : size + " bytes") + ", over the limit of "
                    + bytes(maxBytes));
            this.size = size;
            this.maxBytes = maxBytes;
        }

        /** The file's size in bytes; -1 when it is not a regular file (a pipe, a device), only known to be too long. */
        public long size() {
            return size;
        }

        /** The limit it is over. */
        public int maxBytes() {
            return maxBytes;
        }

        /** {@code 1048576 bytes (1 MiB)}. */
        private static String bytes(int n) {
            if (n % (1 << 20) == 0) {
                return n + " bytes (" + (n >> 20) + " MiB)";
            }
            return n % 1024 == 0 ? n + " bytes (" + (n >> 10) + " KiB)" : n + " bytes";
        }
    }

    /** A file that is not UTF-8 text. */
    public static final class NotUtf8Exception extends IOException {
        private static final long serialVersionUID = 1L;

        private final int line;
        private final int column;

        private NotUtf8Exception(int line, int column, int badByte) {
            super("byte 0x" + String.format(Locale.ROOT, "%02X", badByte) + " at line " + line + ", column " + column
                    + " is not UTF-8");
            this.line = line;
            this.column = column;
        }

        /** Where the first byte that is not UTF-8 is: its line and column (in characters), from 1. */
        static NotUtf8Exception at(byte[] bytes, int offset) {
            int lineStart = 0;
            int line = 1;
            for (int i = 0; i < offset; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            return new NotUtf8Exception(line, StrictUtf8.column(bytes, lineStart, offset), bytes[offset] & 0xFF);
        }

        /** The line of the first byte that is not UTF-8, from 1. */
        public int line() {
            return line;
        }

        /** Its column, in characters, from 1. */
        public int column() {
            return column;
        }
    }
}
