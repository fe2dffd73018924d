package io.realtime.media.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.websockets.next.UserData;
import io.quarkus.websockets.next.WebSocketConnection;
import io.realtime.media.protocol.ServerFrame;
import io.realtime.media.support.Stream;
import io.smallrye.mutiny.Uni;

/**
 * A client that reads slowly loses media acknowledgements (and partial captions) first, never chat: while its
 * writes are stuck, a newer acknowledgement takes the place of the one waiting, chat frames all wait their turn.
 */
@QuarkusTest
class SlowClientTest {

    @Inject
    Outbound outbound;

    @Test
    void acknowledgementsCollapseWhileChatWaits() {
        StalledSocket socket = new StalledSocket();
        StreamConnection live = outbound.open(socket.connection(), "slow", null);

        live.push(new ServerFrame.ChatMessage("first", "slow", "x", null, "t")); // in flight, not taken yet
        for (int i = 1; i <= 100; i++) {
            live.pushLossy("audio_ack", new ServerFrame.MediaReceived(ServerFrame.AUDIO_RECEIVED, "slow", 10,
                    10L * i, i, 0.1, "t"));
            if (i == 50) {
                live.push(new ServerFrame.ChatMessage("second", "slow", "x", null, "t"));
            }
        }
        live.push(new ServerFrame.ChatMessage("third", "slow", "x", null, "t"));

        List<JsonNode> written = socket.drain();
        assertThat(written).extracting(frame -> frame.get("type").asText() + ":"
                + frame.path("message").asText(frame.path("chunks").asText())).containsExactly(
                        "chat_message:first", "audio_received:100", "chat_message:second", "chat_message:third");
        assertThat(written.get(1).get("total_bytes").asLong()).isEqualTo(1000); // the totals stay right
    }

    /** A connection whose writes complete only when the test lets them: a client that stopped reading. */
    static final class StalledSocket {
        final List<String> texts = new ArrayList<>();
        final List<CompletableFuture<Void>> writes = new ArrayList<>();
        final Map<Object, Object> data = new HashMap<>();

        @SuppressWarnings("unchecked")
        WebSocketConnection connection() {
            UserData userData = (UserData) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { UserData.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "get" -> data.get(args[0]);
                        case "put" -> data.put(args[0], args[1]);
                        case "remove" -> data.remove(args[0]);
                        case "size" -> data.size();
                        default -> null;
                    });
            return (WebSocketConnection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] { WebSocketConnection.class }, (proxy, method, args) -> switch (method.getName()) {
                        case "id" -> "stalled";
                        case "isOpen" -> true;
                        case "userData" -> userData;
                        case "sendText" -> {
                            CompletableFuture<Void> write = new CompletableFuture<>();
                            synchronized (this) {
                                texts.add((String) args[0]);
                                writes.add(write);
                            }
                            yield Uni.createFrom().completionStage(write);
                        }
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }

        /** The client reads again: every write completes, one after the other; answers what was written. */
        List<JsonNode> drain() {
            for (int i = 0; ; i++) {
                CompletableFuture<Void> write;
                synchronized (this) {
                    if (i >= writes.size()) {
                        break;
                    }
                    write = writes.get(i);
                }
                write.complete(null);
            }
            return texts.stream().map(Stream::json).toList();
        }
    }
}
