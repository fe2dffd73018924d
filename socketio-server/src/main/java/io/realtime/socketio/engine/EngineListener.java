package io.realtime.socketio.engine;

/**
 * What a session hands to the layer above it, always on the session's own event loop and in arrival order. Set it
 * with {@link EngineSocket#listener} in the connection callback, before anything arrives.
 */
public interface EngineListener {

    void onMessage(String text);

    void onBinary(byte[] data);

    /** Once, when the session ends: {@code transport close}, {@code ping timeout}, {@code forced close}, ... */
    void onClose(String reason);

    EngineListener NONE = new EngineListener() {
        @Override
        public void onMessage(String text) {
        }

        @Override
        public void onBinary(byte[] data) {
        }

        @Override
        public void onClose(String reason) {
        }
    };
}
