package dev.bridle.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

class FoldingTest {

    @Test
    void foldsWidthCaseAndInvisibleCharacters() {
        assertThat(Folding.fold("ＳＴＯＰ")).isEqualTo("stop");
        assertThat(Folding.fold("S\u200BT\u200DO\u2066P\uFE0F")).isEqualTo("stop");
        assertThat(Folding.fold("STRASSE")).isEqualTo(Folding.fold("straße"));
    }

    @Test
    void skeletonsMeetAcrossScripts() {
        // Cyrillic ѕ, т, о, р look like Latin s, t, o, p
        assertThat(Folding.skeleton("\u0455\u0442\u043E\u0440")).isEqualTo(Folding.skeleton("stop"));
        assertThat(Folding.skeleton("ѕтор")).isEqualTo("stop");
        assertThat(Folding.skeleton("ｓ​ｔｏｐ")).isEqualTo("stop");
        assertThat(Folding.skeleton("opt out")).isNotEqualTo(Folding.skeleton("opt in"));
    }

    @Test
    void capitalsOfOtherScriptsMeetTheLatinCapitalTheyLookLike() {
        // Folding first would turn Greek Κ into κ (prototype ĸ) and Β into β (read as ß)
        assertThat(Folding.skeleton("\u039A\u0395\u039D\u039F \u03A4\u0391\u03A7\u0399"))
                .isEqualTo(Folding.skeleton("KENO TAXI"));
        assertThat(Folding.skeleton("\u0392\u039F\u03A4\u0397")).isEqualTo(Folding.skeleton("both"));
        assertThat(Folding.skeleton("\u041A\u041C\u041D")).isEqualTo(Folding.skeleton("kmh"));
        assertThat(Folding.skeleton("\u043A\u043C")).isEqualTo(Folding.skeleton("km")); // Cyrillic lowercase ка, эм
        assertThat(Folding.skeleton("\u1D0D\u1D0B")).isEqualTo(Folding.skeleton("mk")); // small capitals
        assertThat(Folding.skeleton("\u0399\u0406I"))
                .isEqualTo(Folding.skeleton("iii")); // Greek Ι, Cyrillic І, Latin I
    }

    @Test
    void foldForComparisonKeepsTheSkeleton() {
        for (String s : new String[] {
            "\u039A\u03B1\u03BB\u03B7\u03BC\u03AD\u03C1\u03B1", "ΜΕΓΑΛΟ", "Ѕеvеrе", "Straße", "𝐁𝐨𝐥𝐝"
        }) {
            assertThat(Folding.skeleton(Folding.foldForComparison(s))).as(s).isEqualTo(Folding.skeleton(s));
        }
    }

    @Property
    void invisibleCharactersNeverChangeTheFold(
            @ForAll @AlphaChars @StringLength(min = 1, max = 30) String word, @ForAll int position) {
        int at = Math.floorMod(position, word.length() + 1);
        String spiked = word.substring(0, at) + "\u200B\u2060\u202E" + word.substring(at);

        assertThat(Folding.fold(spiked)).isEqualTo(Folding.fold(word));
        assertThat(Folding.skeleton(spiked)).isEqualTo(Folding.skeleton(word));
    }

    @Property
    void caseNeverChangesTheSkeleton(@ForAll @AlphaChars @StringLength(min = 1, max = 30) String word) {
        assertThat(Folding.skeleton(word.toUpperCase(java.util.Locale.ROOT)))
                .isEqualTo(Folding.skeleton(word.toLowerCase(java.util.Locale.ROOT)));
    }
}
