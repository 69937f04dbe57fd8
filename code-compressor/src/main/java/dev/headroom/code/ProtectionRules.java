package dev.headroom.code;

import java.util.regex.Pattern;

/**
 * When code must not be shortened, as far as the compressor can tell from the unit and its context.
 *
 * <ul>
 *   <li>Fewer than {@value #MIN_WORDS} words: too small to be worth a marker.</li>
 *   <li>The latest user question asks to analyze, review, explain, fix or debug: the user wants the
 *       code itself ({@code protect_analysis_context}; can be switched off).</li>
 * </ul>
 * The reference's third rule (no compression of code in the last 4 messages) needs the unit's position
 * in the conversation, which the engine does not pass to compressors; see {@link CodeCompressor}.
 */
public final class ProtectionRules {

    public static final int MIN_WORDS = 50;

    private static final Pattern ANALYSIS_INTENT = Pattern.compile(
            "\\b(analy[sz](e|es|ed|ing|is)|review(s|ed|ing)?|explain(s|ed|ing)?|explanation|fix(es|ed|ing)?|"
                    + "debug(s|ged|ging)?|bug|audit(s|ed|ing)?|refactor(s|ed|ing)?)\\b",
            Pattern.CASE_INSENSITIVE);

    private final boolean protectAnalysisContext;

    public ProtectionRules(boolean protectAnalysisContext) {
        this.protectAnalysisContext = protectAnalysisContext;
    }

    /** True when the text is too small to be worth shortening. */
    public boolean tooSmall(String text) {
        return countWords(text) < MIN_WORDS;
    }

    /** True when the latest question asks to analyze, review, explain, fix or debug (and the rule is on). */
    public boolean analysisRequested(String query) {
        return protectAnalysisContext && query != null && ANALYSIS_INTENT.matcher(query).find();
    }

    static int countWords(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length() && words < MIN_WORDS; i++) {
            boolean space = Character.isWhitespace(text.charAt(i));
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
