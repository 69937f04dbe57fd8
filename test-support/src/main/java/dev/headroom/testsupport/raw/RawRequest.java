package dev.headroom.testsupport.raw;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One request as it arrived on the wire: the request line, the header lines as sent, and the body. */
public record RawRequest(String requestLine, List<String> headerLines, byte[] body) {

    public String method() {
        return requestLine.split(" ", 2)[0];
    }

    /** The request target exactly as sent (path and query). */
    public String target() {
        String[] parts = requestLine.split(" ");
        return parts.length > 1 ? parts[1] : "";
    }

    /** The first value of header {@code name} (case-insensitive), or null. */
    public String header(String name) {
        for (String l : headerLines) {
            int colon = l.indexOf(':');
            if (colon > 0 && l.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return l.substring(colon + 1).trim();
            }
        }
        return null;
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Reads one request (Content-Length or chunked body); null when the connection ends first. */
    static RawRequest read(InputStream in) throws IOException {
        String first = line(in);
        while (first != null && first.isEmpty()) {
            first = line(in);
        }
        if (first == null) {
            return null;
        }
        List<String> headers = new ArrayList<>();
        String l;
        while ((l = line(in)) != null && !l.isEmpty()) {
            headers.add(l);
        }
        RawRequest head = new RawRequest(first, headers, new byte[0]);
        String cl = head.header("content-length");
        String te = head.header("transfer-encoding");
        byte[] body;
        if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String size = line(in);
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    while ((l = line(in)) != null && !l.isEmpty()) {
                        // trailers
                    }
                    break;
                }
                out.write(in.readNBytes(n));
                line(in);
            }
            body = out.toByteArray();
        } else {
            body = cl == null ? new byte[0] : in.readNBytes(Integer.parseInt(cl.trim()));
        }
        return new RawRequest(first, headers, body);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
}
