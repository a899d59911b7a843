package io.mynagate.bridge.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, so that a test controls every header (a foreign {@code Host}, no
 * {@code Host}, any {@code Origin}, OPTIONS and TRACE), which {@code java.net.http} does not allow. One
 * request per connection ({@code Connection: close}).
 */
public final class RawHttp {
    /** Put as a header line to send no {@code Host} at all. */
    public static final String NO_HOST = "X-No-Host: 1";

    private final int port;

    public RawHttp(int port) {
        this.port = port;
    }

    /** The answer: status, headers (names in lower case), body as UTF-8. */
    public record Response(int status, Map<String, List<String>> headers, String body) {
        /** @return the first value of header {@code name}, or null */
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        @Override
        public String toString() {
            return status + " " + headers + "\n" + body;
        }
    }

    public Response get(String target, String... headerLines) {
        return send("GET", target, null, headerLines);
    }

    /** A form POST ({@code application/x-www-form-urlencoded}); {@code form} is sent as given. */
    public Response post(String target, String form, String... headerLines) {
        String[] lines = new String[headerLines.length + 1];
        lines[0] = "Content-Type: application/x-www-form-urlencoded";
        System.arraycopy(headerLines, 0, lines, 1, headerLines.length);
        return send("POST", target, form.getBytes(StandardCharsets.UTF_8), lines);
    }

    /** Any method; {@code Host: 127.0.0.1:<port>} unless a header line gives a Host (or {@link #NO_HOST}). */
    public Response send(String method, String target, byte[] body, String... headerLines) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        boolean hostGiven = false;
        for (String line : headerLines) {
            if (line.equals(NO_HOST)) {
                hostGiven = true;
                continue;
            }
            hostGiven |= line.toLowerCase(Locale.ROOT).startsWith("host:");
            head.append(line).append("\r\n");
        }
        if (!hostGiven) {
            head.append("Host: 127.0.0.1:").append(port).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return parse(socket.getInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parse(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        in.transferTo(all);
        String text = all.toString(StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            throw new IOException("no complete response: " + text);
        }
        String[] lines = text.substring(0, end).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        return new Response(status, headers, text.substring(end + 4));
    }
}
