package dev.bridle.internal.dedupe;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What duplicate detection keeps of a text: a 64-bit hash of its {@linkplain NormalisedText#canonical canonical form}
 * (equal hashes mean exact duplicates) and a small set of weighted features for the near-duplicate score (see
 * {@link Similarity}). The text itself cannot be recovered from it.
 *
 * <p>Features are the distinct words of the normalised body, each hashed to 29 bits with its class (word, stopword,
 * number, name) in the low 3 bits, plus one feature per hashtag, one for "has a link" and one for "mentions someone".
 * Word order does not count: a reordered post is the same post. (Adjacent-word pairs were measured too and made the
 * score worse; bench/RESULTS.md.) They are kept sorted, so two fingerprints compare by a merge in time linear in their
 * sizes.
 */
public final class Fingerprint {

    /** The feature layout version, stored with every fingerprint; a change needs a migration of stored rows. */
    public static final int VERSION = 1;

    private static final ContentNormaliser NORMALISER = new ContentNormaliser();

    private final long exact;
    private final int[] features;

    private Fingerprint(long exact, int[] features) {
        this.exact = exact;
        this.features = features;
    }

    /** The fingerprint of {@code text}, normalised by the default {@link ContentNormaliser}. */
    public static Fingerprint of(String text) {
        return of(NORMALISER.normalise(text));
    }

    /** The fingerprint of an already normalised text. */
    public static Fingerprint of(NormalisedText text) {
        return new Fingerprint(Hashing.sha256Prefix(text.canonical()), features(text));
    }

    /** The 64-bit hash of the canonical form; equal for exact duplicates. */
    public long exactHash() {
        return exact;
    }

    /** The number of features. */
    public int size() {
        return features.length;
    }

    /** The features, sorted; shared, not copied: callers in this package must not modify it. */
    int[] features() {
        return features;
    }

    /** Whether the two fingerprints come from texts with the same canonical form. */
    public boolean sameText(Fingerprint other) {
        return exact == other.exact;
    }

    /** The stored form: version, exact hash, feature count, features; big-endian. */
    public byte[] toBytes() {
        ByteBuffer buf = ByteBuffer.allocate(1 + 8 + 2 + 4 * features.length);
        buf.put((byte) VERSION).putLong(exact).putShort((short) features.length);
        for (int f : features) {
            buf.putInt(f);
        }
        return buf.array();
    }

    /** Reads {@link #toBytes()}; throws {@link IllegalArgumentException} on a form it does not know. */
    public static Fingerprint fromBytes(byte[] bytes) {
        ByteBuffer buf = ByteBuffer.wrap(bytes);
        if (bytes.length < 11 || buf.get() != VERSION) {
            throw new IllegalArgumentException(
                    "not a version " + VERSION + " fingerprint (" + bytes.length + " bytes)");
        }
        long exact = buf.getLong();
        int n = buf.getShort() & 0xFFFF;
        if (buf.remaining() != 4 * n) {
            throw new IllegalArgumentException(
                    "fingerprint says " + n + " features but holds " + buf.remaining() + " bytes");
        }
        int[] features = new int[n];
        for (int i = 0; i < n; i++) {
            features[i] = buf.getInt();
        }
        return new Fingerprint(exact, features);
    }

    static Fingerprint ofParts(long exact, int[] features) {
        return new Fingerprint(exact, features);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fingerprint f && f.exact == exact && Arrays.equals(f.features, features);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(exact);
    }

    @Override
    public String toString() {
        return String.format("Fingerprint[%016x, %d features]", exact, features.length);
    }

    private static int[] features(NormalisedText text) {
        List<Integer> out = new ArrayList<>();
        List<Token> tokens = text.tokens();
        boolean link = false;
        boolean mention = false;
        for (Token token : tokens) {
            switch (token.kind()) {
                case LINK -> link = true;
                case MENTION -> mention = true;
                default -> out.add(Feature.of(token.text(), Feature.classOf(token.kind())));
            }
        }
        for (String tag : text.hashtags()) {
            out.add(Feature.of("#" + tag, Feature.WORD));
        }
        if (link) {
            out.add(Feature.of("\u0000link", Feature.MARKER));
        }
        if (mention) {
            out.add(Feature.of("\u0000mention", Feature.MARKER));
        }
        return Feature.sortedUnique(out);
    }
}
