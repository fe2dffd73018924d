package io.realtime.media.protocol;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Client to server frames: the guide's six types, plus the WebRTC signalling types this service adds. Flat objects
 * with a {@code type} field, snake_case names. Every field is optional here so that the dispatcher answers a missing
 * one with its own clear error. {@code timestamp} is whatever the client sends (ISO text, epoch millis, nothing).
 */
public sealed interface ClientFrame {

    Map<String, Class<? extends ClientFrame>> TYPES = Map.of(
            "ping", Ping.class,
            "chat", Chat.class,
            "audio", Audio.class,
            "video", Video.class,
            "transcription_request", TranscriptionRequest.class,
            "test", Test.class,
            "webrtc_offer", WebrtcOffer.class,
            "webrtc_answer", WebrtcAnswer.class,
            "webrtc_ice_candidate", WebrtcIceCandidate.class,
            "webrtc_hangup", WebrtcHangup.class);

    /**
     * Handles one frame of each type, given the connection's context {@code C}: Java 17's stand-in for an exhaustive
     * {@code switch}, so a new frame type does not compile until the dispatcher handles it.
     */
    interface Handler<C, R> {
        R ping(Ping frame, C context);

        R chat(Chat frame, C context);

        R audio(Audio frame, C context);

        R video(Video frame, C context);

        R transcriptionRequest(TranscriptionRequest frame, C context);

        R test(Test frame, C context);

        R offer(WebrtcOffer frame, C context);

        R answer(WebrtcAnswer frame, C context);

        R iceCandidate(WebrtcIceCandidate frame, C context);

        R hangup(WebrtcHangup frame, C context);
    }

    <C, R> R dispatch(Handler<C, R> handler, C context);

    @RegisterForReflection
    record Ping(@JsonProperty("timestamp") JsonNode timestamp) implements ClientFrame {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.ping(this, context);
        }
    }

    @RegisterForReflection
    record Chat(@JsonProperty("message") JsonNode message) implements ClientFrame {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.chat(this, context);
        }
    }

    /**
     * A chunk of audio, base64. Beyond the guide: {@code format} ({@code wav}, {@code pcm16}, or a container such as
     * {@code webm}), {@code sample_rate} and {@code channels} for raw PCM; a chunk starting with a RIFF/WAVE header is
     * read as WAV whatever it declares.
     */
    @RegisterForReflection
    record Audio(
            @JsonProperty("data") JsonNode data,
            @JsonProperty("format") String format,
            @JsonProperty("sample_rate") Integer sampleRate,
            @JsonProperty("channels") Integer channels) implements ClientFrame {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.audio(this, context);
        }
    }

    @RegisterForReflection
    record Video(@JsonProperty("data") JsonNode data) implements ClientFrame {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.video(this, context);
        }
    }

    /** Audio to transcribe, base64, described as {@link Audio} is; {@code language} is passed to the API mode. */
    @RegisterForReflection
    record TranscriptionRequest(
            @JsonProperty("data") JsonNode data,
            @JsonProperty("format") String format,
            @JsonProperty("sample_rate") Integer sampleRate,
            @JsonProperty("channels") Integer channels,
            @JsonProperty("language") String language) implements ClientFrame {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.transcriptionRequest(this, context);
        }
    }

    /** Anything as {@code data}; answered with {@code test_response} carrying it back. */
    @RegisterForReflection
    record Test(@JsonProperty("data") JsonNode data, @JsonProperty("timestamp") JsonNode timestamp)
            implements ClientFrame {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.test(this, context);
        }
    }

    /** {@code sdp}: the offer's SDP text; {@code target}: one client id of the session, else all the others. */
    @RegisterForReflection
    record WebrtcOffer(@JsonProperty("sdp") JsonNode sdp, @JsonProperty("target") String target)
            implements ClientFrame {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.offer(this, context);
        }
    }

    /** The answer to an offer; {@code target} is the offering client ({@code from} of the offer it got). */
    @RegisterForReflection
    record WebrtcAnswer(@JsonProperty("sdp") JsonNode sdp, @JsonProperty("target") String target)
            implements ClientFrame {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.answer(this, context);
        }
    }

    /** {@code candidate}: the RTCIceCandidate's JSON ({@code candidate}, {@code sdpMid}, ...) or its text. */
    @RegisterForReflection
    record WebrtcIceCandidate(@JsonProperty("candidate") JsonNode candidate, @JsonProperty("target") String target)
            implements ClientFrame {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.iceCandidate(this, context);
        }
    }

    /** Ends the sender's call. */
    @RegisterForReflection
    record WebrtcHangup(@JsonProperty("target") String target) implements ClientFrame {
        @Override
        public <C, R> R dispatch(Handler<C, R> handler, C context) {
            return handler.hangup(this, context);
        }
    }
}
