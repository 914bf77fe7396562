package dev.bridle.internal.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The loop of the {@code test} commands that judge one input per line ({@code bridle facts test}, {@code bridle watch
 * test}): one output line per input line, blank lines skipped. A line that cannot be judged (not UTF-8, not the
 * expected JSON, not valid input) gets an error line in its place, {@code ERROR line N: why} or with {@code --json}
 * {@code {"line":N,"error":"why"}}, and the rest are still judged; the exit code is then 2.
 */
final class TestLines {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Judges one line; a {@link BadLine} says why it cannot be. */
    interface Judge {
        /** The output for the line: an object with {@code --json}, else one line of text. */
        Object judge(String line) throws BadLine;
    }

    /** An input line that cannot be judged; the message says why, without the line's number. */
    static final class BadLine extends Exception {
        private static final long serialVersionUID = 1L;

        BadLine(String message) {
            super(message);
        }
    }

    private TestLines() {}

    /** Judges every line of {@code in}; returns the exit code. */
    static int run(InputStream in, boolean json, PrintWriter out, Judge judge) {
        InputLines lines = new InputLines(in);
        boolean bad = false;
        while (true) {
            String line;
            try {
                line = lines.next();
            } catch (InputLines.MalformedLineException e) {
                bad = true;
                error(out, json, e.line(), e.getMessage());
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                break;
            }
            if (line.isBlank()) {
                continue;
            }
            try {
                Object result = judge.judge(line);
                out.println(result instanceof ObjectNode node ? write(node) : result.toString());
            } catch (BadLine e) {
                bad = true;
                error(out, json, lines.number(), e.getMessage());
            }
        }
        out.flush();
        return bad ? ExitCode.USAGE_ERROR : ExitCode.OK;
    }

    /** The JSON value of a line, or a {@link BadLine} saying it is not JSON. */
    static JsonNode parse(String line, String expected) throws BadLine {
        try {
            JsonNode node = JSON.readTree(line);
            if (node == null) {
                throw new BadLine("expected " + expected + ", found nothing");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new BadLine("not JSON; expected " + expected + ", found: " + abbreviate(line));
        }
    }

    /** A text that can be written as UTF-8, or a {@link BadLine}. */
    static String text(String text) throws BadLine {
        String why = InputLines.unencodable(text);
        if (why != null) {
            throw new BadLine(why);
        }
        return text;
    }

    static String abbreviate(String line) {
        return line.length() <= 60 ? line : line.substring(0, 59) + "…";
    }

    static String write(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serialises", e);
        }
    }

    private static void error(PrintWriter out, boolean json, int line, String why) {
        if (json) {
            ObjectNode node = JSON.createObjectNode();
            node.put("line", line);
            node.put("error", why);
            out.println(write(node));
        } else {
            out.println("ERROR    line " + line + ": " + why);
        }
    }
}
