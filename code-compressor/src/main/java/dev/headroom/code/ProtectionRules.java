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

    /** The reason the text must stay as it is, or null when it may be shortened. */
    public String reasonToKeep(String text, String query) {
        if (countWords(text) < MIN_WORDS) {
            return "fewer than " + MIN_WORDS + " words";
        }
        if (protectAnalysisContext && query != null && ANALYSIS_INTENT.matcher(query).find()) {
            return "the question asks to analyze the code";
        }
        return null;
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
