package io.realtime.assessment.protocol;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.assessment.config.AssessmentConfig;
import io.realtime.protocol.codec.DecodeResult;
import io.realtime.protocol.codec.TypedMessageDecoder;

@ApplicationScoped
public class ClientMessageDecoder {

    private final TypedMessageDecoder<ClientMessage> decoder;

    public ClientMessageDecoder(ObjectMapper mapper, AssessmentConfig config) {
        this.decoder = TypedMessageDecoder.enveloped(mapper, ClientMessage.TYPES, "data", config.maxFrameChars());
    }

    public DecodeResult<ClientMessage> decode(String text) {
        return decoder.decode(text);
    }
}
