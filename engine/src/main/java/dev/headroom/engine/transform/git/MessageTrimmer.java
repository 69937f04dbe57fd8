package dev.headroom.engine.transform.git;

import dev.headroom.engine.tokens.TokenEstimator;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.log.LogLines;

import java.util.ArrayList;
import java.util.List;

/**
 * Shortens one commit message for a balanced selection, behind one marker per commit: the pull-request
 * template's boilerplate ({@link PrTemplate}) and, when the body is longer than a given number of lines,
 * everything after the body's first paragraph except trailers ({@code Co-authored-by:}, {@code Closes #12}) and lines that
 * match the question. The subject line always stays. In a failing command's output, lines that read as errors
 * or warnings stay too.
 */
final class MessageTrimmer {

    /** A body is long when it holds more lines than this (blank lines and boilerplate not counted). */
    static final int LONG_BODY = 5;
    /** Bodies are never cut with this limit. */
    static final int KEEP_BODIES = Integer.MAX_VALUE;

    private MessageTrimmer() {
    }

    /**
     * The message lines (with git's indent) to write, ending with one indented marker when anything was left out.
     * {@code matches[i]} says whether message line {@code i} matches the question.
     */
    static List<String> trim(List<String> message, int longBody, boolean[] matches, TransformContext context) {
        int n = message.size();
        List<String> text = new ArrayList<>(n);
        for (String l : message) {
            text.add(l.startsWith(CommitLog.INDENT) ? l.substring(CommitLog.INDENT.length()) : l.strip());
        }
        PrTemplate.Boilerplate boilerplate = PrTemplate.find(text);
        boolean[] omit = boilerplate.lines().clone();
        boolean bodyCut = cutBody(text, omit, matches, longBody);
        for (int i = 0; i < n; i++) {
            if (omit[i] && (matches[i] || context.errorOutput() && LogLines.level(text.get(i)) != LogLines.Level.OTHER)) {
                omit[i] = false;
            }
        }
        int omitted = 0;
        long omittedTokens = 0;
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            if (omit[i]) {
                omitted++;
                omittedTokens += TokenEstimator.estimate(text.get(i)) + 1;
            } else if (!(text.get(i).isBlank() && (out.isEmpty() || out.get(out.size() - 1).isBlank()))) {
                out.add(message.get(i));
            } else {
                omit[i] = true; // a second blank line in a row, once lines between were left out
                omitted++;
            }
        }
        while (!out.isEmpty() && out.get(out.size() - 1).isBlank()) {
            out.remove(out.size() - 1);
            omitted++;
        }
        if (omitted == 0) {
            return message;
        }
        String detail = boilerplate.count() > 0 ? PrTemplate.describe(boilerplate) : null;
        if (bodyCut) {
            detail = detail == null ? "the body after its first paragraph" : detail + ", the body after its first paragraph";
        }
        if (detail == null) {
            detail = "blank lines";
        }
        String marker = CommitLog.INDENT + context.marker(omitted, n, "message lines", detail);
        // the marker must cost less than what it stands for (its hash alone is a dozen tokens)
        if (omittedTokens <= TokenEstimator.estimate(marker)) {
            return message;
        }
        out.add(marker);
        return out;
    }

    /**
     * Marks the lines of a long body after its first paragraph (a heading and its text count as one paragraph);
     * trailers and issue references stay. Returns true when anything was marked.
     */
    private static boolean cutBody(List<String> text, boolean[] omit, boolean[] matches, int longBody) {
        int n = text.size();
        int body = 0;
        for (int i = 1; i < n; i++) {
            body += !omit[i] && !text.get(i).isBlank() ? 1 : 0;
        }
        if (body <= longBody) {
            return false;
        }
        int i = paragraphEnd(text, nextText(text, omit, 1));
        if (onlyHeadings(text, nextText(text, omit, 1), i)) {
            i = paragraphEnd(text, nextText(text, omit, i)); // "## Summary" alone: its text is the paragraph
        }
        boolean cut = false;
        for (int k = i; k < n; k++) {
            String t = text.get(k);
            if (!omit[k] && !t.isBlank() && !PrTemplate.isTrailer(t) && !isIssueReference(t) && !matches[k]) {
                omit[k] = true;
                cut = true;
            }
        }
        return cut;
    }

    private static int nextText(List<String> text, boolean[] omit, int from) {
        int i = from;
        while (i < text.size() && (text.get(i).isBlank() || omit[i])) {
            i++;
        }
        return i;
    }

    private static int paragraphEnd(List<String> text, int from) {
        int i = from;
        while (i < text.size() && !text.get(i).isBlank()) {
            i++;
        }
        return i;
    }

    private static boolean onlyHeadings(List<String> text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (PrTemplate.heading(text.get(k)) == null) {
                return false;
            }
        }
        return to > from;
    }

    /** {@code Closes #198}, {@code Fixes: ENG-12}, {@code Refs #4}: which issue a commit belongs to. */
    private static boolean isIssueReference(String t) {
        String s = t.strip();
        for (String p : new String[] {"Closes", "Fixes", "Resolves", "Refs", "Related to", "See"}) {
            if (s.regionMatches(true, 0, p, 0, p.length()) && s.length() > p.length()
                    && (s.charAt(p.length()) == ' ' || s.charAt(p.length()) == ':') && (s.contains("#") || s.contains("-"))) {
                return true;
            }
        }
        return false;
    }
}
