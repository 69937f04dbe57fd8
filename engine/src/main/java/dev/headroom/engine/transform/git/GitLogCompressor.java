package dev.headroom.engine.transform.git;

import dev.headroom.engine.tokens.TokenEstimator;
import dev.headroom.engine.transform.Compressor;
import dev.headroom.engine.transform.TransformContext;
import dev.headroom.engine.transform.TransformResult;
import dev.headroom.engine.transform.diff.DiffHeaders;
import dev.headroom.engine.transform.diff.DiffSelection;
import dev.headroom.engine.transform.text.Lines;
import dev.headroom.engine.transform.text.QueryMatcher;
import dev.headroom.engine.transform.text.TextNormalizer;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code git log} (plain, {@code -p}, {@code --stat}), {@code git show} and {@code git blame}.
 *
 * <p>Lossless: ANSI colours stripped and git's file headers in their short form ({@link DiffHeaders}); nothing
 * else (trailing blanks are content in a diff, and git's four-space blank message lines cost half a token). Balanced, when that is still over the output budget, level by level until it fits:
 * <ol>
 *   <li>pull-request template boilerplate behind one marker per commit ({@link PrTemplate}); diff context
 *       trimmed to two lines;</li>
 *   <li>long message bodies cut to their first paragraph, trailers and question matches
 *       ({@link MessageTrimmer}); context one line;</li>
 *   <li>context none; long {@code --stat} lists cut to their most changed files ({@link StatList});</li>
 *   <li>only when still huge: every body cut to its first paragraph, whole hunks by relevance, new files to
 *       their head ({@link DiffSelection}).</li>
 * </ol>
 * Commit hashes, {@code Merge:}, authors, dates, subjects, file and hunk headers and changed lines always stay
 * (changed lines up to level 4).
 */
public final class GitLogCompressor implements Compressor {

    private static final int LEVELS = 4;
    static final double MIN_TOKEN_RATIO = 0.97;

    @Override
    public String name() {
        return "git";
    }

    @Override
    public boolean selectsAroundErrors() {
        return true;
    }

    @Override
    public TransformResult compress(String text, TransformContext context) {
        String plain = TextNormalizer.stripAnsi(text);
        Lines split = Lines.of(plain);
        if (BlameLines.looksLikeBlame(split.lines().subList(0, Math.min(split.size(), 200)))) {
            return blame(text, plain, split);
        }
        List<String> folded = DiffHeaders.fold(split.lines());
        String lossless = folded == split.lines() ? plain : Lines.join(folded, split.trailingNewline());
        TransformResult losslessResult = lossless.equals(text) ? null
                : TransformResult.lossless(lossless, plain == text ? "diff.headers" : folded == split.lines() ? "git.ansi" : "git.ansi+diff.headers");
        if (context.lossless() || lossless.length() <= context.maxOutputChars()) {
            return losslessResult;
        }
        List<CommitLog.Commit> commits = CommitLog.parse(folded);
        boolean[] matches = matches(folded, context);
        List<String> best = folded;
        for (int level = 1; level <= LEVELS; level++) {
            if (level == LEVELS && !DiffSelection.isHuge(DiffSelection.size(best), context)) {
                break; // changed lines are left out only when the diff is huge
            }
            best = render(folded, commits, matches, level, context);
            if (DiffSelection.size(best) <= context.maxOutputChars()) {
                break;
            }
        }
        String result = Lines.join(best, split.trailingNewline());
        // the estimate is rough and markers cost tokens: a selection must save a little more than nothing
        if (!result.contains(context.originalHash()) || result.length() >= lossless.length()
                || TokenEstimator.estimate(result) > TokenEstimator.estimate(lossless) * MIN_TOKEN_RATIO) {
            return losslessResult;
        }
        return TransformResult.lossy(result, "git.select");
    }

    /**
     * {@code git blame}: lossless only, in every mode. A blame is read like the file it annotates, for the lines the
     * agent is about to change, so none is left out; the repeated commit, author and date go ({@link BlameLines}).
     */
    private static TransformResult blame(String text, String plain, Lines split) {
        List<String> folded = BlameLines.fold(split.lines());
        String out = folded == split.lines() ? plain : Lines.join(folded, split.trailingNewline());
        return out.equals(text) ? null : TransformResult.lossless(out, folded == split.lines() ? "git.ansi" : "git.blame");
    }

    /** One level's rendering: messages and stat lists per commit, then the diffs. */
    private static List<String> render(List<String> lines, List<CommitLog.Commit> commits, boolean[] matches, int level,
                                       TransformContext context) {
        List<String> out = new ArrayList<>(lines.size());
        int before = commits.isEmpty() ? lines.size() : commits.get(0).start();
        out.addAll(lines.subList(0, before));
        for (CommitLog.Commit c : commits) {
            out.addAll(lines.subList(c.start(), c.messageStart()));
            List<String> message = lines.subList(c.messageStart(), c.messageEnd());
            boolean[] messageMatches = slice(matches, c.messageStart(), c.messageEnd());
            int longBody = level == 1 ? MessageTrimmer.KEEP_BODIES : level < LEVELS ? MessageTrimmer.LONG_BODY : 0;
            out.addAll(message.isEmpty() ? message : MessageTrimmer.trim(message, longBody, messageMatches, context));
            List<String> rest = lines.subList(c.messageEnd(), c.end());
            out.addAll(level >= 3 ? StatList.trim(rest, slice(matches, c.messageEnd(), c.end()), context) : rest);
        }
        int context2 = DiffSelection.CONTEXT_LEVELS[Math.min(level, DiffSelection.CONTEXT_LEVELS.length) - 1];
        return DiffSelection.render(out, context2, level == LEVELS, context);
    }

    /** Which lines match the question well (a third of the best score or more); none without a question. */
    private static boolean[] matches(List<String> lines, TransformContext context) {
        boolean[] out = new boolean[lines.size()];
        QueryMatcher query = QueryMatcher.of(context);
        if (query.isEmpty()) {
            return out;
        }
        double[] scores = query.scores(lines);
        double best = 0;
        for (double s : scores) {
            best = Math.max(best, s);
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = scores[i] > 0 && scores[i] >= best / 3;
        }
        return out;
    }

    private static boolean[] slice(boolean[] a, int from, int to) {
        boolean[] out = new boolean[to - from];
        System.arraycopy(a, from, out, 0, to - from);
        return out;
    }
}
