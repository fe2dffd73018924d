package io.realtime.messaging.support;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import io.realtime.infra.token.DevTokens;

/**
 * A WebSocket client on a raw TCP socket that completes the handshake and then stops reading, as a frozen browser
 * tab or a phone that lost its radio does: the server's writes pile up in the kernel buffers and then in the server.
 * Its receive buffer is small, so it stalls early. {@link #readUntilClose()} starts reading again and returns what
 * had been sent to it, up to and including the server's close frame.
 */
public final class StalledReader implements AutoCloseable {

    /** What the client finally reads: the text frames in order, then the close frame's code and reason. */
    public record Received(List<String> texts, Integer closeCode, String closeReason) {
    }

    private final Socket socket;
    private final DataInputStream in;

    private StalledReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    /** Opens {@code /ws?token=...} for {@code userId} and reads the handshake answer only. */
    public static StalledReader connect(URI base, String userId) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096); // before connecting, so the window stays small
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 10_000);
            socket.setSoTimeout(10_000);
            String key = Base64.getEncoder().encodeToString("a-sixteen-b-nonce".substring(0, 16)
                    .getBytes(StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /ws?token=" + DevTokens.token(userId) + " HTTP/1.1\r\n"
                    + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                    + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            StalledReader reader = new StalledReader(socket);
            String status = reader.readHeaders();
            if (!status.startsWith("HTTP/1.1 101")) {
                socket.close();
                throw new IllegalStateException("handshake refused: " + status);
            }
            return reader;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Byte by byte up to the blank line, so not one byte of the frames after it is read. */
    private String readHeaders() throws IOException {
        ByteArrayOutputStream headers = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = { '\r', '\n', '\r', '\n' };
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during the handshake");
            }
            headers.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = headers.toString(StandardCharsets.US_ASCII);
        return text.substring(0, text.indexOf("\r\n"));
    }

    /** Reads again: every text frame the server got through, then its close frame (or the end of the stream). */
    public Received readUntilClose() {
        List<String> texts = new ArrayList<>();
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        try {
            while (true) {
                int first = in.read();
                if (first < 0) {
                    return new Received(texts, null, null);
                }
                boolean fin = (first & 0x80) != 0;
                int opcode = first & 0x0F;
                int second = in.readUnsignedByte();
                long length = second & 0x7F;
                if (length == 126) {
                    length = in.readUnsignedShort();
                } else if (length == 127) {
                    length = in.readLong();
                }
                if ((second & 0x80) != 0) {
                    in.readInt(); // a server never masks, but skip a mask if one came
                }
                byte[] payload = new byte[Math.toIntExact(length)];
                in.readFully(payload);
                if (opcode == 0x8) {
                    int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                    String reason = payload.length > 2
                            ? new String(payload, 2, payload.length - 2, StandardCharsets.UTF_8) : "";
                    return new Received(texts, code, reason);
                }
                if (opcode == 0x1 || opcode == 0x0) {
                    message.write(payload);
                    if (fin) {
                        texts.add(message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    }
                }
            }
        } catch (IOException e) {
            return new Received(texts, null, "read failed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
