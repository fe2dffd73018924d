package io.realtime.media.stream.endpoint;

import java.time.Clock;
import java.util.concurrent.CompletionException;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.realtime.media.config.StreamConfig;
import io.realtime.media.connection.StreamConnection;
import io.realtime.media.protocol.ClientFrame;
import io.realtime.media.protocol.ServerFrame;
import io.realtime.media.stream.service.CallService;
import io.realtime.media.stream.service.FrameException;
import io.realtime.media.stream.service.MediaService;
import io.realtime.media.stream.service.SessionService;
import io.realtime.media.transcription.domain.AudioInput;
import io.realtime.media.transcription.domain.UnsupportedAudioException;
import io.realtime.media.transcription.service.LiveCaptions;
import io.realtime.media.transcription.service.Transcriber;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * Answers each client frame, one method per type ({@link ClientFrame.Handler}). Each runs in the connection's turn
 * (replies in the order of the frames); chat, signals and call notices come back through Kafka, transcriptions when
 * they are ready. Every refusal is an {@code error} frame and the connection goes on.
 */
@ApplicationScoped
public class StreamDispatcher implements ClientFrame.Handler<StreamConnection, Uni<Void>> {

    static final String AUDIO_ACK = "audio_ack";
    static final String VIDEO_ACK = "video_ack";
    static final String PARTIAL_CAPTION = "partial_caption";
    static final int MAX_CLIENT_ID = 128;

    private final SessionService sessions;
    private final MediaService media;
    private final CallService calls;
    private final Transcriber transcriber;
    private final LiveCaptions captions;
    private final StreamConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;

    public StreamDispatcher(SessionService sessions, MediaService media, CallService calls, Transcriber transcriber,
            LiveCaptions captions, StreamConfig config, ObjectMapper mapper, Clock clock) {
        this.sessions = sessions;
        this.media = media;
        this.calls = calls;
        this.transcriber = transcriber;
        this.captions = captions;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Dispatches a decoded frame; a refusal thrown while reading its fields becomes an error frame. */
    public Uni<Void> handle(ClientFrame frame, StreamConnection live) {
        try {
            return handled(live, frame.dispatch(this, live));
        } catch (FrameException refused) {
            return error(live, refused.code(), refused.getMessage());
        }
    }

    @Override
    public Uni<Void> ping(ClientFrame.Ping frame, StreamConnection live) {
        return live.send(new ServerFrame.Pong(live.sessionId(), now(), frame.timestamp()));
    }

    @Override
    public Uni<Void> chat(ClientFrame.Chat frame, StreamConnection live) {
        JsonNode message = frame.message();
        if (message == null || !message.isTextual() || message.asText().isBlank()) {
            return error(live, ErrorCode.VALIDATION_ERROR, "Missing required field 'message' for 'chat'");
        }
        if (message.asText().length() > config.maxChatChars()) {
            return error(live, ErrorCode.MESSAGE_TOO_LARGE, "Chat message exceeds " + config.maxChatChars()
                    + " characters");
        }
        return handled(live, sessions.chat(live.sessionId(), live.id(), live.userId(), message.asText()));
    }

    @Override
    public Uni<Void> audio(ClientFrame.Audio frame, StreamConnection live) {
        AudioInput audio = new AudioInput(MediaService.decode(frame.data(), "audio"), frame.format(),
                frame.sampleRate(), frame.channels());
        double seconds = media.seconds(audio);
        return handled(live, media.audio(live.sessionId(), audio, seconds).invoke(() -> {
            long[] totals = live.countAudio(audio.bytes().length);
            live.pushLossy(AUDIO_ACK, new ServerFrame.MediaReceived(ServerFrame.AUDIO_RECEIVED, live.sessionId(),
                    audio.bytes().length, totals[0], totals[1], Math.round(seconds * 1000) / 1000.0, now()));
            if (transcriber.liveCaptions()) {
                captions.feed(live.id(), audio, caption -> caption(live, caption));
            }
        }));
    }

    @Override
    public Uni<Void> video(ClientFrame.Video frame, StreamConnection live) {
        byte[] bytes = MediaService.decode(frame.data(), "video");
        return handled(live, media.video(live.sessionId(), bytes.length).invoke(() -> {
            long[] totals = live.countVideo(bytes.length);
            live.pushLossy(VIDEO_ACK, new ServerFrame.MediaReceived(ServerFrame.VIDEO_RECEIVED, live.sessionId(),
                    bytes.length, totals[0], totals[1], null, now()));
        }));
    }

    /** Started in the connection's turn, answered when ready: later frames do not wait for the recognizer. */
    @Override
    public Uni<Void> transcriptionRequest(ClientFrame.TranscriptionRequest frame, StreamConnection live) {
        AudioInput audio = new AudioInput(MediaService.decode(frame.data(), "transcription_request"),
                frame.format(), frame.sampleRate(), frame.channels());
        transcriber.transcribe(audio, frame.language())
                .call(() -> media.transcribed(live.sessionId()))
                .subscribe().with(
                        transcript -> live.push(new ServerFrame.TranscriptionResult(transcript.text(),
                                live.sessionId(), null, transcript.engine(), now())),
                        failure -> live.push(new ServerFrame.TranscriptionError(transcriptionError(failure),
                                live.sessionId(), now())));
        return Uni.createFrom().voidItem();
    }

    @Override
    public Uni<Void> test(ClientFrame.Test frame, StreamConnection live) {
        return live.send(new ServerFrame.TestResponse("Test message received", frame.data(), live.sessionId(),
                frame.timestamp(), now()));
    }

    @Override
    public Uni<Void> offer(ClientFrame.WebrtcOffer frame, StreamConnection live) {
        return signal(live, CallService.OFFER, "sdp", frame.sdp(), frame.target(), false);
    }

    @Override
    public Uni<Void> answer(ClientFrame.WebrtcAnswer frame, StreamConnection live) {
        return signal(live, CallService.ANSWER, "sdp", frame.sdp(), frame.target(), true);
    }

    @Override
    public Uni<Void> iceCandidate(ClientFrame.WebrtcIceCandidate frame, StreamConnection live) {
        return signal(live, CallService.ICE_CANDIDATE, "candidate", frame.candidate(), frame.target(), false);
    }

    @Override
    public Uni<Void> hangup(ClientFrame.WebrtcHangup frame, StreamConnection live) {
        String peer = live.callPeer();
        if (peer == null) {
            return error(live, ErrorCode.VALIDATION_ERROR, "Not in a call: nothing to hang up");
        }
        return handled(live, calls.end(live.sessionId(), live.id(), peer, CallService.HANGUP));
    }

    /** The socket closed: a call it was in ends for the session, and its live captions stop. */
    public Uni<Void> closed(StreamConnection live) {
        captions.close(live.id());
        String peer = live.callPeer();
        Uni<Void> left = sessions.leave(live.id());
        return peer == null ? left : left.call(() -> calls.end(live.sessionId(), live.id(), peer,
                CallService.PEER_LEFT));
    }

    private Uni<Void> signal(StreamConnection live, String type, String field, JsonNode value, String target,
            boolean targetRequired) {
        if (value == null || value.isNull() || (value.isTextual() && value.asText().isBlank())) {
            return error(live, ErrorCode.VALIDATION_ERROR, "Missing required field '" + field + "' for '" + type
                    + "'");
        }
        if (target != null && (target.isBlank() || target.length() > MAX_CLIENT_ID)) {
            return error(live, ErrorCode.VALIDATION_ERROR, "Field 'target' must be a client id of the session");
        }
        if (targetRequired && target == null) {
            return error(live, ErrorCode.VALIDATION_ERROR, "Missing required field 'target' for '" + type
                    + "': the client id the offer came from");
        }
        if (target != null && target.equals(live.id())) {
            return error(live, ErrorCode.VALIDATION_ERROR, "A client cannot signal itself");
        }
        String payload = mapper.createObjectNode().set(field, value).toString();
        return handled(live, calls.relay(live.sessionId(), live.id(), live.userId(), type, target, payload));
    }

    /** The work's refusals become error frames. */
    private Uni<Void> handled(StreamConnection live, Uni<Void> work) {
        return work.onFailure().recoverWithUni(failure -> {
            if (failure instanceof FrameException refused) {
                return error(live, refused.code(), refused.getMessage());
            }
            Log.errorf(failure, "Frame on session %s failed", live.sessionId());
            return error(live, ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR.defaultMessage());
        });
    }

    /** An error frame, in the connection's turn; the connection stays open. */
    public Uni<Void> error(StreamConnection live, ErrorCode code, String message) {
        return live.send(new ServerFrame.Error(message, code.name(), live.sessionId(), now()));
    }

    private void caption(StreamConnection live, LiveCaptions.Caption caption) {
        ServerFrame frame = new ServerFrame.TranscriptionResult(caption.text(), live.sessionId(), caption.partial(),
                Transcriber.VOSK, now());
        if (caption.partial()) {
            live.pushLossy(PARTIAL_CAPTION, frame);
        } else {
            live.push(frame);
        }
    }

    private static String transcriptionError(Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        if (cause instanceof UnsupportedAudioException unsupported) {
            return unsupported.getMessage();
        }
        Log.errorf(failure, "Transcription failed");
        return "Transcription failed";
    }

    private String now() {
        return WireTime.now(clock);
    }
}
