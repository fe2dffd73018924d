package io.realtime.socketio.engine;

/** The reference server's HTTP 400 answers: {@code {"code":N,"message":"..."}} with these codes and messages. */
public enum EngineError {
    UNKNOWN_TRANSPORT(0, "Transport unknown"),
    UNKNOWN_SID(1, "Session ID unknown"),
    BAD_HANDSHAKE_METHOD(2, "Bad handshake method"),
    BAD_REQUEST(3, "Bad request"),
    FORBIDDEN(4, "Forbidden"),
    UNSUPPORTED_PROTOCOL_VERSION(5, "Unsupported protocol version");

    private final int code;
    private final String message;

    EngineError(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }

    /** The JSON body of the 400 answer. */
    public String body() {
        return "{\"code\":" + code + ",\"message\":\"" + message + "\"}";
    }
}
