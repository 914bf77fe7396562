package dev.bridle.internal.text;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.util.Locale;

/**
 * JSON output that survives any text: every UTF-16 surrogate is written as a {@code \}{@code uXXXX} escape. A pair
 * still reads back as its character (an emoji comes out as two escapes), and half of a pair, which a platform message
 * cut in the middle of an emoji can hold and which UTF-8 cannot carry, reads back as it was instead of being printed as
 * {@code ?} or failing the whole write with "Input length = 1". Other characters are written as they are.
 *
 * <pre>{@code
 * mapper.getFactory().setCharacterEscapes(new SurrogateEscapes());
 * }</pre>
 */
public final class SurrogateEscapes extends CharacterEscapes {

    private static final long serialVersionUID = 1L;
    private static final int[] ASCII = standardAsciiEscapesForJSON();

    @Override
    public int[] getEscapeCodesForAscii() {
        return ASCII;
    }

    @Override
    public SerializableString getEscapeSequence(int ch) {
        return Character.isSurrogate((char) ch)
                ? new SerializedString(String.format(Locale.ROOT, "\\u%04X", ch))
                : null;
    }
}
