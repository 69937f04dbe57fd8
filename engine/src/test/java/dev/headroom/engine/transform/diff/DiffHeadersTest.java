package dev.headroom.engine.transform.diff;

import dev.headroom.engine.support.Samples;
import dev.headroom.engine.tokens.JtokkitCounter;
import dev.headroom.engine.transform.text.Lines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DiffHeadersTest {

    private static List<String> lines(String text) {
        return Lines.of(text).lines();
    }

    @ParameterizedTest
    @ValueSource(strings = {"git/git-log-p.txt", "git/git-log-p-pr-template.txt", "git/git-show-merge.txt",
        "git/git-diff-renames-binary-modes.txt", "git/git-log-stat.txt"})
    void everyGitSampleDecodesBackExactly(String sample) {
        List<String> original = lines(Samples.read(sample));
        List<String> folded = DiffHeaders.fold(original);
        assertEquals(original, DiffHeaders.unfold(folded));
    }

    @Test
    void newDeletedModeOnlyBinaryAndRenamedFilesDecodeBack() {
        String text = String.join("\n",
                "diff --git a/new.txt b/new.txt", "new file mode 100644", "index 0000000..e69de29", "--- /dev/null", "+++ b/new.txt",
                "@@ -0,0 +1 @@", "+hello",
                "diff --git a/gone.txt b/gone.txt", "deleted file mode 100644", "index e69de29..0000000", "--- a/gone.txt",
                "+++ /dev/null", "@@ -1 +0,0 @@", "-bye",
                "diff --git a/empty.txt b/empty.txt", "new file mode 100644", "index 0000000..e69de29",
                "diff --git a/run.sh b/run.sh", "old mode 100644", "new mode 100755",
                "diff --git a/logo.png b/logo.png", "index 029ace0..d186a24 100644", "Binary files a/logo.png and b/logo.png differ",
                "diff --git a/old.md b/new.md", "similarity index 90%", "rename from old.md", "rename to new.md", "--- a/old.md",
                "+++ b/new.md", "@@ -1 +1 @@", "-a", "+b",
                "diff --git \"a/with space.txt\" \"b/with space.txt\"", "index 1..2 100644", "--- \"a/with space.txt\"",
                "+++ \"b/with space.txt\"", "@@ -1 +1 @@", "-x", "+y", "");
        List<String> folded = DiffHeaders.fold(lines(text));
        assertEquals(lines(text), DiffHeaders.unfold(folded));
        assertTrue(folded.contains("diff --git new.txt"));
        assertTrue(folded.contains("diff --git gone.txt"));
        assertTrue(folded.contains("diff --git empty.txt"));
        assertTrue(folded.contains("diff --git run.sh"));
        assertTrue(folded.contains("diff --git logo.png"));
        assertTrue(folded.contains("diff --git a/old.md b/new.md"), "a rename keeps git's header");
        assertTrue(folded.contains("--- a/old.md"));
        assertTrue(folded.contains("--- \"a/with space.txt\""), "quoted paths stay");
        assertEquals(lines(text).size() - 4, folded.size(), "the new and the deleted file lost their ---/+++ pair");
    }

    @Test
    void refusesWhenTheTextAlreadyHoldsAShortHeaderOrTheLinesAreNotTheImpliedOnes() {
        List<String> ambiguous = lines("diff --git notes.txt\ndiff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n");
        assertSame(ambiguous, DiffHeaders.fold(ambiguous));
        List<String> odd = lines("diff --git a/x b/x\n--- a/y\n+++ b/x\n@@ -1 +1 @@\n-a\n+b\n");
        assertSame(odd, DiffHeaders.fold(odd));
        List<String> combined = lines(Samples.read("git/git-show-merge.txt"));
        assertSame(combined, DiffHeaders.fold(combined), "diff --cc headers are git's shortest already");
    }

    @Test
    void saves28TokensOfAHeader() {
        String text = "diff --git a/src/main/java/com/acme/orders/service/DiscountPolicy.java b/src/main/java/com/acme/orders/service/DiscountPolicy.java\n"
                + "index 0d5b14c..573f2ba 100644\n--- a/src/main/java/com/acme/orders/service/DiscountPolicy.java\n"
                + "+++ b/src/main/java/com/acme/orders/service/DiscountPolicy.java\n@@ -6,8 +6,14 @@ import java.math.RoundingMode;\n";
        String folded = Lines.join(DiffHeaders.fold(lines(text)), true);
        JtokkitCounter cl100k = JtokkitCounter.cl100k();
        assertTrue(cl100k.count(text) - cl100k.count(folded) >= 25, cl100k.count(text) + " -> " + cl100k.count(folded));
    }
}
