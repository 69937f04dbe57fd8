package dev.headroom.engine.transform.git;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the boilerplate a pull-request template leaves in a squash-merged commit message: unchecked checkbox
 * lines ({@code - [ ] I have updated the docs}), HTML comments ({@code <!-- Please describe ... -->}),
 * placeholders ({@code _No response_}, {@code N/A}) and whole sections left empty ({@code ## Screenshots}
 * followed by nothing else). Checked boxes and written text are facts and stay.
 *
 * <p>Only a message that shows a template (two markdown headings, or three checkboxes) is touched: a lone
 * {@code - [ ] follow-up} in a hand-written message is a to-do, not boilerplate. The subject line never is.
 * Linear in the message's lines.
 */
final class PrTemplate {

    /** Which message lines are boilerplate, how many, and which sections were empty (in order). */
    record Boilerplate(boolean[] lines, int count, int uncheckedBoxes, List<String> emptySections) {
    }

    private PrTemplate() {
    }

    /** {@code message}: the message lines without git's indent. */
    static Boilerplate find(List<String> message) {
        int n = message.size();
        boolean[] marked = new boolean[n];
        int headings = 0;
        int boxes = 0;
        for (String l : message) {
            headings += heading(l) != null ? 1 : 0;
            boxes += isUnchecked(l) || isChecked(l) ? 1 : 0;
        }
        List<String> empty = new ArrayList<>();
        if (headings < 2 && boxes < 3) {
            return new Boilerplate(marked, 0, 0, empty);
        }
        int unchecked = 0;
        boolean inComment = false;
        for (int i = 1; i < n; i++) {
            String t = message.get(i).strip();
            if (inComment || t.startsWith("<!--")) {
                marked[i] = true;
                inComment = !t.contains("-->");
            } else if (isUnchecked(t)) {
                marked[i] = true;
                unchecked++;
            } else if (isPlaceholder(t)) {
                marked[i] = true;
            }
        }
        int i = 1;
        while (i < n) {
            String name = heading(message.get(i));
            if (name == null) {
                i++;
                continue;
            }
            int end = i + 1;
            boolean written = false;
            while (end < n && heading(message.get(end)) == null && !isTrailer(message.get(end))) {
                written |= !message.get(end).isBlank() && !marked[end];
                end++;
            }
            if (!written) {
                for (int k = i; k < end; k++) {
                    marked[k] = true;
                }
                empty.add(name);
            }
            i = end;
        }
        int count = 0;
        for (boolean m : marked) {
            count += m ? 1 : 0;
        }
        return new Boilerplate(marked, count, unchecked, empty);
    }

    /** The detail for a marker: {@code PR template: 9 unchecked boxes, empty sections "Screenshots", "Tests"}. */
    static String describe(Boilerplate b) {
        StringBuilder sb = new StringBuilder("PR template");
        String sep = ": ";
        if (b.uncheckedBoxes() > 0) {
            sb.append(sep).append(b.uncheckedBoxes()).append(b.uncheckedBoxes() == 1 ? " unchecked box" : " unchecked boxes");
            sep = ", ";
        }
        if (!b.emptySections().isEmpty()) {
            sb.append(sep).append(b.emptySections().size() == 1 ? "empty section " : "empty sections ");
            for (int k = 0; k < b.emptySections().size(); k++) {
                sb.append(k > 0 ? ", " : "").append('"').append(b.emptySections().get(k)).append('"');
            }
        }
        return sb.toString();
    }

    /** The text of a markdown heading ({@code ## Summary}), or null; {@code #       path} (git's conflict list) is not one. */
    static String heading(String line) {
        int h = 0;
        while (h < line.length() && line.charAt(h) == '#') {
            h++;
        }
        if (h == 0 || h > 6 || h + 1 >= line.length() || line.charAt(h) != ' ' || !Character.isLetterOrDigit(line.charAt(h + 1))) {
            return null;
        }
        String name = line.substring(h + 1).strip();
        return name.length() > 60 ? name.substring(0, 60) : name;
    }

    static boolean isUnchecked(String line) {
        String t = line.strip();
        return t.startsWith("- [ ]") || t.startsWith("* [ ]") || t.startsWith("[ ] ");
    }

    private static boolean isChecked(String line) {
        String t = line.strip();
        return t.startsWith("- [x]") || t.startsWith("- [X]") || t.startsWith("* [x]") || t.startsWith("* [X]");
    }

    private static boolean isPlaceholder(String t) {
        return t.equals("_No response_") || t.equals("No response") || t.equalsIgnoreCase("N/A") || t.equalsIgnoreCase("none")
                || t.equals("-") || t.equals("TBD") || t.equals("...") || t.equals("_N/A_");
    }

    /** {@code Co-authored-by: ...}, {@code Signed-off-by: ...}: the trailers end a message, they are no section's content. */
    static boolean isTrailer(String line) {
        int colon = line.indexOf(": ");
        if (colon <= 0 || colon > 30 || !Character.isUpperCase(line.charAt(0))) {
            return false;
        }
        for (int k = 0; k < colon; k++) {
            char c = line.charAt(k);
            if (!Character.isLetter(c) && c != '-') {
                return false;
            }
        }
        return line.substring(0, colon).contains("-by") || line.startsWith("Change-Id") || line.startsWith("Reviewed-on");
    }
}
