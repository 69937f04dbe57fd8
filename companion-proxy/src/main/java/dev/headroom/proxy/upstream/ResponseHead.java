package dev.headroom.proxy.upstream;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * An upstream response's status line and headers, read strictly, and the framing of its body decided from them.
 * Whatever could let two parties disagree on where the body ends is refused as {@link UpstreamFailure.Kind#PROTOCOL}:
 * a status that is not three digits in 100-599, header lines that are not {@code name: value}, more than one
 * Content-Length (even equal ones), a Content-Length that is not a number, Transfer-Encoding together with
 * Content-Length, a transfer coding other than chunked. Those bytes would otherwise be read one way here and
 * another way by the next reader of the connection, and a leftover would become another request's answer.
 */
record ResponseHead(int status, boolean http10, Map<String, List<String>> headers) {

    static final int MAX_HEADER_BYTES = 256 * 1024;

    /** How the body ends: a known length, chunks, or the connection's end. */
    enum Framing { NONE, LENGTH, CHUNKED, UNTIL_CLOSE }

    /** Reads one head; {@code EOFException}-like {@link UpstreamFailure} when the connection ends first. */
    static ResponseHead read(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        List<String> lines = new ArrayList<>();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new UpstreamFailure(UpstreamFailure.Kind.UNREACHABLE, total == 0
                        ? "the upstream closed the connection without answering"
                        : "the upstream closed the connection before its response headers ended", false, null);
            }
            if (++total > MAX_HEADER_BYTES) {
                throw UpstreamFailure.protocol("response headers over " + MAX_HEADER_BYTES + " bytes");
            }
            if (b != '\n') {
                line.write(b);
                continue;
            }
            String l = line.toString(StandardCharsets.ISO_8859_1);
            line.reset();
            if (!l.endsWith("\r")) {
                throw UpstreamFailure.protocol("a header line ends in a bare LF");
            }
            l = l.substring(0, l.length() - 1);
            if (l.isEmpty()) {
                if (lines.isEmpty()) {
                    throw UpstreamFailure.protocol("an empty line where the status line belongs");
                }
                break;
            }
            lines.add(l);
        }
        return parse(lines);
    }

    private static ResponseHead parse(List<String> lines) throws UpstreamFailure {
        String statusLine = lines.get(0);
        boolean http10 = statusLine.startsWith("HTTP/1.0 ");
        if (!http10 && !statusLine.startsWith("HTTP/1.1 ")) {
            throw UpstreamFailure.protocol("not an HTTP/1.1 status line: " + clip(statusLine));
        }
        String code = statusLine.length() >= 12 ? statusLine.substring(9, 12) : "";
        if (code.length() != 3 || !Character.isDigit(code.charAt(0)) || !Character.isDigit(code.charAt(1))
                || !Character.isDigit(code.charAt(2)) || (statusLine.length() > 12 && statusLine.charAt(12) != ' ')) {
            throw UpstreamFailure.protocol("status is not three digits: " + clip(statusLine));
        }
        int status = Integer.parseInt(code);
        if (status < 100 || status > 599) {
            throw UpstreamFailure.protocol("status " + status + " is outside 100-599");
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 1; i < lines.size(); i++) {
            String l = lines.get(i);
            int colon = l.indexOf(':');
            if (colon <= 0 || l.charAt(0) == ' ' || l.charAt(0) == '\t' || Character.isWhitespace(l.charAt(colon - 1))) {
                throw UpstreamFailure.protocol("malformed header line: " + clip(l));
            }
            headers.computeIfAbsent(l.substring(0, colon), k -> new ArrayList<>()).add(l.substring(colon + 1).trim());
        }
        return new ResponseHead(status, http10, headers);
    }

    String first(String name) {
        List<String> v = headers.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The body's framing for a response to {@code method}; refuses ambiguous framing. */
    Framing framing(String method) throws UpstreamFailure {
        List<String> te = headers.get("Transfer-Encoding");
        List<String> cl = headers.get("Content-Length");
        if (te != null && cl != null) {
            throw UpstreamFailure.protocol("both Transfer-Encoding and Content-Length");
        }
        if (cl != null && (cl.size() > 1 || cl.get(0).contains(","))) {
            throw UpstreamFailure.protocol("more than one Content-Length: " + cl);
        }
        long length = cl == null ? -1 : parseLength(cl.get(0));
        if (method.equals("HEAD") || status < 200 || status == 204 || status == 304) {
            return Framing.NONE;
        }
        if (te != null) {
            if (te.size() != 1 || !te.get(0).equalsIgnoreCase("chunked")) {
                throw UpstreamFailure.protocol("unsupported Transfer-Encoding " + te);
            }
            return Framing.CHUNKED;
        }
        if (length >= 0) {
            return length == 0 ? Framing.NONE : Framing.LENGTH;
        }
        return Framing.UNTIL_CLOSE;
    }

    long contentLength() {
        String v = first("Content-Length");
        return v == null ? -1 : Long.parseLong(v.trim());
    }

    /** Whether the server lets the connection be reused after this response. */
    boolean keepAlive() {
        String c = first("Connection");
        String v = c == null ? "" : c.toLowerCase(Locale.ROOT);
        return http10 ? v.contains("keep-alive") : !v.contains("close");
    }

    private static long parseLength(String v) throws UpstreamFailure {
        String s = v.trim();
        if (s.isEmpty() || s.length() > 18) {
            throw UpstreamFailure.protocol("Content-Length is not a number: " + clip(v));
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                throw UpstreamFailure.protocol("Content-Length is not a number: " + clip(v));
            }
        }
        return Long.parseLong(s);
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "..." : s;
    }
}
