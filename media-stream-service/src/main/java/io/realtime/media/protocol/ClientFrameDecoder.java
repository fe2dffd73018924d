package io.realtime.media.protocol;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.media.config.StreamConfig;
import io.realtime.protocol.codec.DecodeResult;
import io.realtime.protocol.codec.TypedMessageDecoder;

@ApplicationScoped
public class ClientFrameDecoder {

    private final TypedMessageDecoder<ClientFrame> decoder;

    public ClientFrameDecoder(ObjectMapper mapper, StreamConfig config) {
        this.decoder = TypedMessageDecoder.flat(mapper, ClientFrame.TYPES, config.maxFrameChars());
    }

    public DecodeResult<ClientFrame> decode(String text) {
        return decoder.decode(text);
    }
}
