package dev.bridle.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Release notes from {@code release-notes.tsv} on the classpath: version, summary and URL separated by tabs, one
 * release per line; {@code #} starts a comment.
 */
public final class BundledReleaseFeed implements ReleaseFeed {

    static final String RESOURCE = "release-notes.tsv";

    private final List<ReleaseNote> releases;

    public BundledReleaseFeed() {
        this.releases = List.copyOf(read());
    }

    @Override
    public List<ReleaseNote> releases() {
        return releases;
    }

    private static List<ReleaseNote> read() {
        try (InputStream in = BundledReleaseFeed.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the classpath");
            }
            List<ReleaseNote> notes = new ArrayList<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int lineNumber = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != 3) {
                    throw new IllegalStateException(
                            RESOURCE + ":" + lineNumber + ": expected version, summary and URL separated by tabs");
                }
                notes.add(new ReleaseNote(fields[0].strip(), fields[1].strip(), fields[2].strip()));
            }
            return notes;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
