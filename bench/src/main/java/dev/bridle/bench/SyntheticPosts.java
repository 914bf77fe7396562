package dev.bridle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic bot posts for the speed and memory measurements: deterministic for a seed.
 *
 * <ul>
 *   <li><b>Diverse</b> posts: 8 to 25 words drawn from an 8,000-word vocabulary with a Zipf distribution (a few words
 *       very common, most rare, as in real text), with numbers, capitalised names, links, hashtags and leading mentions
 *       mixed in.
 *   <li><b>Templated</b> posts: 60 fixed sentences of 10 to 18 words with three slots filled with numbers and names,
 *       the way release, weather and score bots post. Each template's posts share most of their words, so they are the
 *       expensive case for any near-duplicate index.
 * </ul>
 */
public final class SyntheticPosts {

    private static final String[] CONSONANTS = {
        "b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "cl", "dr", "st",
        "tr", "sh", "ch", "gr", "pl"
    };
    private static final String[] VOWELS = {"a", "e", "i", "o", "u", "ai", "ea", "ou", "io"};

    private final Random rnd;
    private final String[] vocabulary;
    private final double[] zipfCdf;
    private final String[] names;
    private final String[] hashtags;
    private final List<String[]> templates = new ArrayList<>();
    private final double templatedShare;

    /**
     * @param seed the seed
     * @param templatedShare the fraction of posts drawn from templates, 0 to 1
     */
    public SyntheticPosts(long seed, double templatedShare) {
        this.rnd = new Random(seed);
        this.templatedShare = templatedShare;
        Random words = new Random(5);
        this.vocabulary = new String[8000];
        for (int i = 0; i < vocabulary.length; i++) {
            vocabulary[i] = word(words, 1 + words.nextInt(3));
        }
        this.zipfCdf = new double[vocabulary.length];
        double sum = 0;
        for (int i = 0; i < vocabulary.length; i++) {
            sum += 1.0 / (i + 1);
            zipfCdf[i] = sum;
        }
        for (int i = 0; i < zipfCdf.length; i++) {
            zipfCdf[i] /= sum;
        }
        this.names = new String[400];
        for (int i = 0; i < names.length; i++) {
            String w = word(words, 2 + words.nextInt(2));
            names[i] = Character.toUpperCase(w.charAt(0)) + w.substring(1);
        }
        this.hashtags = new String[600];
        for (int i = 0; i < hashtags.length; i++) {
            hashtags[i] = "#" + word(words, 1 + words.nextInt(3));
        }
        for (int t = 0; t < 60; t++) {
            int n = 10 + words.nextInt(9);
            String[] template = new String[n];
            for (int i = 0; i < n; i++) {
                template[i] = vocabulary[words.nextInt(2000)];
            }
            for (int slot = 0; slot < 3; slot++) {
                template[words.nextInt(n)] = slot == 1 ? "{name}" : "{number}";
            }
            templates.add(template);
        }
    }

    /** The next post. */
    public String next() {
        return rnd.nextDouble() < templatedShare ? templated() : diverse();
    }

    /** The next post drawn from a template. */
    public String templated() {
        String[] template = templates.get(rnd.nextInt(templates.size()));
        StringBuilder out = new StringBuilder();
        for (String w : template) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(
                    switch (w) {
                        case "{number}" -> number();
                        case "{name}" -> names[rnd.nextInt(names.length)];
                        default -> w;
                    });
        }
        return out.append('.').toString();
    }

    /** The next diverse post. */
    public String diverse() {
        StringBuilder out = new StringBuilder();
        if (rnd.nextInt(10) == 0) {
            out.append("@").append(vocabulary[rnd.nextInt(vocabulary.length)]).append(' ');
        }
        int n = 8 + rnd.nextInt(18);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                out.append(rnd.nextInt(12) == 0 ? ", " : " ");
            }
            int kind = rnd.nextInt(100);
            if (kind < 8) {
                out.append(number());
            } else if (kind < 13) {
                out.append(names[rnd.nextInt(names.length)]);
            } else {
                out.append(zipf());
            }
        }
        out.append(rnd.nextBoolean() ? "." : "!");
        if (rnd.nextInt(5) == 0) {
            out.append(" https://site")
                    .append(rnd.nextInt(500))
                    .append(".com/p/")
                    .append(rnd.nextInt(1_000_000));
        }
        for (int i = 0, tags = rnd.nextInt(4) == 0 ? 1 + rnd.nextInt(2) : 0; i < tags; i++) {
            out.append(' ').append(hashtags[rnd.nextInt(hashtags.length)]);
        }
        return out.toString();
    }

    private String zipf() {
        double u = rnd.nextDouble();
        int lo = 0;
        int hi = zipfCdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (zipfCdf[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return vocabulary[lo];
    }

    private String number() {
        return switch (rnd.nextInt(4)) {
            case 0 -> Integer.toString(rnd.nextInt(1000));
            case 1 -> rnd.nextInt(10) + "." + rnd.nextInt(20) + "." + rnd.nextInt(10);
            case 2 -> (1 + rnd.nextInt(12)) + ":" + (rnd.nextInt(6)) + rnd.nextInt(10);
            default -> "$" + rnd.nextInt(500);
        };
    }

    private static String word(Random rnd, int syllables) {
        StringBuilder w = new StringBuilder();
        for (int s = 0; s < syllables; s++) {
            w.append(CONSONANTS[rnd.nextInt(CONSONANTS.length)]).append(VOWELS[rnd.nextInt(VOWELS.length)]);
        }
        if (rnd.nextBoolean()) {
            w.append(CONSONANTS[rnd.nextInt(17)]);
        }
        return w.toString();
    }
}
