package dev.headroom.engine.transform.segment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SegmenterTest {

    private static String json(int rows) {
        StringBuilder sb = new StringBuilder("{\n  \"name\": \"left-pad\",\n  \"versions\": [\n");
        for (int i = 0; i < rows; i++) {
            sb.append("    {\"version\": \"1.").append(i).append(".0\", \"date\": \"2016-03-2").append(i % 10).append("\"}")
                    .append(i + 1 < rows ? ",\n" : "\n");
        }
        return sb.append("  ]\n}\n").toString();
    }

    private static List<String> kinds(List<Segment> segments) {
        return segments.stream().map(s -> s.kind() + ":" + s.text().length()).toList();
    }

    private static String join(List<Segment> segments) {
        StringBuilder sb = new StringBuilder();
        segments.forEach(s -> sb.append(s.text()));
        return sb.toString();
    }

    @Test
    void jsonAmongOtherLinesIsItsOwnSegment() {
        String before = "npm warn config production Use `--omit=dev` instead.\n";
        String after = "npm notice\nnpm notice New major version of npm available! 10.8.2 -> 11.6.0\n";
        String text = before + json(12) + after;
        List<Segment> s = Segmenter.split(text, false, false);
        assertEquals(List.of("DETECT:" + before.length(), "DETECT:" + json(12).length(), "DETECT:" + after.length()), kinds(s));
        assertEquals(json(12), s.get(1).text());
        assertEquals(text, join(s));
    }

    @Test
    void aWholeJsonOutputOrPlainTextIsOneSegment() {
        assertEquals(1, Segmenter.split(json(12), false, false).size());
        String log = "[INFO] Scanning for projects...\n[2024-01-01 10:00:00] started\n{ not json\n";
        assertEquals(List.of("DETECT:" + log.length()), kinds(Segmenter.split(log, false, false)));
    }

    @Test
    void jsonLinesStayOneSegment() {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            lines.append("{\"level\":\"INFO\",\"message\":\"").append("request ".repeat(30)).append(i).append("\"}\n");
        }
        String text = "Output:\n" + lines;
        List<Segment> s = Segmenter.split(text, false, false);
        assertEquals(List.of("DETECT:8", "DETECT:" + lines.length()), kinds(s));
        assertEquals(List.of("DETECT:" + lines.length()), kinds(Segmenter.split(lines.toString(), false, false)));
    }

    @Test
    void jsonCutAtEitherEnd() {
        String full = json(12);
        String head = full.substring(0, 300);
        assertEquals(List.of("JSON_HEAD:300"), kinds(Segmenter.split(head, false, true)));
        String tail = full.substring(200);
        assertEquals(List.of("JSON_TAIL:" + tail.length()), kinds(Segmenter.split(tail, true, false)));
        String prefixed = "HTTP/1.1 200 OK\ncontent-type: application/json\n\n" + head;
        List<Segment> s = Segmenter.split(prefixed, false, true);
        assertEquals(List.of("DETECT:" + (prefixed.length() - 300), "JSON_HEAD:300"), kinds(s));
        assertEquals(prefixed, join(s));
    }
}
