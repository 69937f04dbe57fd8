package dev.headroom.engine.transform.text;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class TextNormalizerTest {

    @Test
    void stripsAnsiTrailingWhitespaceAndCrlf() {
        String in = "\u001b[1;31mERROR\u001b[0m  failed   \r\n\u001b]0;title\u0007ok\t\r\n";
        assertEquals("ERROR  failed\nok\n", TextNormalizer.normalize(in));
    }

    @Test
    void collapsesOnlyRunsOfThreeOrMoreBlankLines() {
        assertEquals("a\n\nb\n\n\nc\n\nd", TextNormalizer.normalize("a\n\nb\n\n\nc\n\n\n\n  \n\nd"));
        assertEquals("a\n\nb", TextNormalizer.normalize("a\n\n\n\nb"));
        assertEquals("a\n\n\nb", TextNormalizer.normalize("a\n\n\nb"), "two blank lines stay");
    }

    @Test
    void neverTouchesIndentation() {
        String code = "def f():\n    if x:\n\treturn 1\n";
        assertSame(code, TextNormalizer.normalize(code));
    }

    @Test
    void keepsTheFinalNewlineState() {
        assertEquals("a\nb", TextNormalizer.normalize("a  \nb "));
        assertEquals("a\nb\n", TextNormalizer.normalize("a\nb  \n"));
        assertEquals("", TextNormalizer.normalize(""));
    }

    @Test
    void linesSplitAndJoinBack() {
        for (String s : List.of("", "\n", "a", "a\n", "a\n\nb", "\n\na\n\n")) {
            assertEquals(s, Lines.of(s).join());
        }
    }
}
