package io.realtime.gateway.routing;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One HTTP/1.1 connection to the gateway over a plain socket, so that no client normalises, re-encodes, retries or
 * waits for what a test sends (a request line as is, a body the server answers before reading, a handshake the
 * client abandons).
 */
final class RawConnection implements AutoCloseable {

    static final String[] UPGRADE_HEADERS = {"Upgrade: websocket", "Connection: Upgrade",
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version: 13"};

    /** @param body on 101, the first text frame the service sent */
    record Answer(int status, Map<String, String> headers, String body) {
    }

    private final Socket socket;
    private final URI base;
    private final InputStream in;

    private RawConnection(Socket socket, URI base) throws IOException {
        this.socket = socket;
        this.base = base;
        socket.setSoTimeout(10_000);
        this.in = new BufferedInputStream(socket.getInputStream());
    }

    static RawConnection open(URI base) {
        try {
            return new RawConnection(new Socket(base.getHost(), base.getPort()), base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A connection from another local address (127.0.0.2...), as another client would have. */
    static RawConnection openFrom(URI base, String localAddress) {
        try {
            return new RawConnection(new Socket(InetAddress.getByName(base.getHost()), base.getPort(),
                    InetAddress.getByName(localAddress), 0), base);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code requestLine} (method and target, as is) and reads the answer; the connection closes after. */
    static Answer exchange(URI base, String requestLine, String... headerLines) {
        try (RawConnection connection = open(base)) {
            return connection.send(requestLine, headerLines).answer();
        }
    }

    /** Writes the request head: {@code requestLine}, a Host header and {@code headerLines}. */
    RawConnection send(String requestLine, String... headerLines) {
        StringBuilder head = new StringBuilder(requestLine).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(base.getPort()).append("\r\n");
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        return write(head.append("\r\n").toString().getBytes(UTF_8));
    }

    RawConnection write(byte[] bytes) {
        try {
            OutputStream out = socket.getOutputStream();
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code size} bytes of body from another thread, so that the answer can be read while it is sent; as
     * chunks of the chunked transfer coding when {@code chunked}.
     */
    Thread writeInBackground(long size, boolean chunked) {
        Thread writer = new Thread(() -> {
            byte[] chunk = new byte[64 * 1024];
            try {
                OutputStream out = socket.getOutputStream();
                for (long left = size; left > 0; left -= chunk.length) {
                    int length = (int) Math.min(chunk.length, left);
                    if (chunked) {
                        out.write((Integer.toHexString(length) + "\r\n").getBytes(UTF_8));
                    }
                    out.write(chunk, 0, length);
                    if (chunked) {
                        out.write("\r\n".getBytes(UTF_8));
                    }
                }
                if (chunked) {
                    out.write("0\r\n\r\n".getBytes(UTF_8));
                }
                out.flush();
            } catch (IOException e) {
                // the server answered and closed before reading everything: what the test looks at is the answer
            }
        });
        writer.setDaemon(true);
        writer.start();
        return writer;
    }

    Answer answer() {
        try {
            int status = Integer.parseInt(readLine().split(" ")[1]);
            Map<String, String> headers = new TreeMap<>();
            for (String line = readLine(); !line.isEmpty(); line = readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
            String body;
            if (status == 101) {
                body = readTextFrame();
            } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = readChunked();
            } else {
                body = new String(in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0"))), UTF_8);
            }
            return new Answer(status, headers, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed mid-line");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(ISO_8859_1);
    }

    private String readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int size = Integer.parseInt(readLine().split(";")[0].trim(), 16); size > 0;
                size = Integer.parseInt(readLine().split(";")[0].trim(), 16)) {
            body.write(in.readNBytes(size));
            readLine();
        }
        return body.toString(UTF_8);
    }

    /** One unmasked server text frame. */
    private String readTextFrame() throws IOException {
        int opcode = in.read() & 0x0F;
        if (opcode != 1) {
            throw new IOException("expected a text frame, got opcode " + opcode);
        }
        long length = in.read() & 0x7F;
        if (length == 126) {
            length = (in.read() << 8) | in.read();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | in.read();
            }
        }
        return new String(in.readNBytes((int) length), UTF_8);
    }
}
