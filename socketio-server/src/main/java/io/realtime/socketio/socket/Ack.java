package io.realtime.socketio.socket;

/** The acknowledgement callback a client passed with an event: call it once; later calls are ignored. */
@FunctionalInterface
public interface Ack {

    /** Answers with these arguments ({@code byte[]} values travel as binary attachments). */
    void send(Object... args);
}
