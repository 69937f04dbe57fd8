package dev.headroom.engine.transform.wrap;

import java.util.ArrayList;
import java.util.List;

/**
 * Takes a tool output apart into what the agent wrapped around the command's output and the output itself
 * ({@link Framing}), so the output is detected and compressed as what it is while the wrapper bytes stay as
 * they were. Layers, outside in: Codex's exec header ({@link CodexExecHeader}), Claude Code's {@code Exit code N}
 * line and {@code <persisted-output>} preview ({@link ClaudeWrappers}), then the notices where a client cut the
 * output in the middle ({@link MiddleCuts}). Linear in the output's length; never throws.
 */
public final class Unwrapper {

    private Unwrapper() {
    }

    /**
     * True when an agent's wrapper says the command failed: Codex's header with a non-zero exit code, or Claude
     * Code's {@code Exit code N} line (which Claude Code also marks {@code is_error}).
     */
    public static boolean saysFailed(String text) {
        return CodexExecHeader.failed(text) || ClaudeWrappers.exitCodeLine(text) > 0 && !text.startsWith("Exit code 0\n");
    }

    public static Framing frame(String text) {
        List<Framing.Part> parts = new ArrayList<>();
        int start = 0;
        int header = CodexExecHeader.length(text);
        start += header;
        start += ClaudeWrappers.exitCodeLine(text.substring(start));
        int end = text.length();
        boolean previewCut = false;
        int[] preview = ClaudeWrappers.preview(text.substring(start));
        if (preview != null) {
            end = start + preview[1];
            start += preview[0];
            previewCut = true;
        }
        if (start > 0) {
            parts.add(Framing.Part.verbatim(text.substring(0, start)));
        }
        String payload = text.substring(start, end);
        int from = 0;
        boolean cutBefore = false;
        for (int[] cut : MiddleCuts.find(payload)) {
            parts.add(new Framing.Part(payload.substring(from, cut[0]), true, cutBefore, true));
            parts.add(Framing.Part.verbatim(payload.substring(cut[0], cut[1])));
            from = cut[1];
            cutBefore = true;
        }
        parts.add(new Framing.Part(payload.substring(from), true, cutBefore, previewCut));
        if (end < text.length()) {
            parts.add(Framing.Part.verbatim(text.substring(end)));
        }
        parts.removeIf(p -> p.text().isEmpty());
        return new Framing(parts);
    }
}
