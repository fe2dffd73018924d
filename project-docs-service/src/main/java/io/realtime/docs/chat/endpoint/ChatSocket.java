package io.realtime.docs.chat.endpoint;

import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.realtime.docs.chat.domain.AnswerEvent;
import io.realtime.docs.chat.domain.Question;
import io.realtime.docs.chat.service.AnswerService;
import io.realtime.docs.chat.service.Questions;
import io.realtime.docs.config.DocsConfig;
import io.realtime.docs.connection.SocketIo;
import io.realtime.docs.connection.SocketUser;
import io.realtime.socketio.socket.Event;
import io.realtime.socketio.socket.Socket;
import io.vertx.ext.web.Router;

/**
 * The guide's {@code send_message} on the {@code /} namespace: validated ({@link Questions}), then answered by
 * {@link AnswerService}, whose events are emitted to the sender in order. A connection's answers run one at a time;
 * a few may wait, beyond that the sender gets an {@code error}. The chat becomes the connection's {@code chat_id}.
 */
@ApplicationScoped
public class ChatSocket {

    static final String CHAT_ID = "chat_id";
    private static final String QUEUE = "answers";

    private final SocketIo io;
    private final Questions questions;
    private final AnswerService answers;
    private final DocsConfig config;

    public ChatSocket(SocketIo io, Questions questions, AnswerService answers, DocsConfig config) {
        this.io = io;
        this.questions = questions;
        this.answers = answers;
        this.config = config;
    }

    void register(@Observes Router router) {
        io.server().namespace("/").onConnection(this::connected);
    }

    private void connected(Socket socket) {
        AnswerQueue queue = new AnswerQueue(config.chat().maxQueuedPerConnection());
        socket.attributes().put(QUEUE, queue);
        socket.on("send_message", event -> send(socket, queue, event));
        socket.onDisconnect(reason -> queue.close());
    }

    private void send(Socket socket, AnswerQueue queue, Event event) {
        Question question;
        try {
            question = questions.read(event.arg());
        } catch (Questions.Invalid invalid) {
            emit(socket, new AnswerEvent.Failed(invalid.getMessage(), invalid.chatId()), event);
            return;
        }
        socket.attributes().put(CHAT_ID, question.chatId());
        SocketUser user = socket.principal();
        String userId = user == null ? null : user.userId();
        AtomicBoolean acknowledged = new AtomicBoolean(!event.wantsAck());
        boolean queued = queue.offer(() -> answers.answer(userId, question, answer -> emit(socket, answer,
                acknowledged.compareAndSet(false, true) ? event : null)));
        if (!queued) {
            emit(socket, new AnswerEvent.Failed("Too many messages waiting for an answer: wait for the answers "
                    + "before sending more", question.chatId()), event);
        }
    }

    /**
     * Emits {@code answer}; {@code acked} (the client's event, when it asked for an acknowledgement and this is the
     * first answer: {@code message_received} or an {@code error}) also gets the answer's data through the ack.
     */
    private static void emit(Socket socket, AnswerEvent answer, Event acked) {
        socket.emit(answer.event(), answer);
        if (acked != null && acked.wantsAck()) {
            acked.ack().send(answer);
        }
    }
}
