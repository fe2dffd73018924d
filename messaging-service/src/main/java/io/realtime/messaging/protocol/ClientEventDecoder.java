package io.realtime.messaging.protocol;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.messaging.config.MessagingConfig;
import io.realtime.protocol.codec.DecodeResult;
import io.realtime.protocol.codec.TypedMessageDecoder;

@Singleton
public class ClientEventDecoder {

    private final TypedMessageDecoder<ClientEvent> decoder;

    public ClientEventDecoder(ObjectMapper mapper, MessagingConfig config) {
        this.decoder = TypedMessageDecoder.flat(mapper, ClientEvent.TYPES, config.maxFrameChars());
    }

    public DecodeResult<ClientEvent> decode(String text) {
        return decoder.decode(text);
    }
}
