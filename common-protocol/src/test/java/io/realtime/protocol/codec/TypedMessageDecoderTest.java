package io.realtime.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.realtime.protocol.error.ErrorCode;

class TypedMessageDecoderTest {

    sealed interface Client permits Start, Ping, Note {
    }

    record Start(@JsonProperty(value = "test_id", required = true) long testId) implements Client {
    }

    record Ping() implements Client {
    }

    record Note(@JsonProperty(value = "text", required = true) String text, String timestamp) implements Client {
    }

    private final TypedMessageDecoder<Client> enveloped = TypedMessageDecoder.enveloped(new ObjectMapper(),
            Map.of("start", Start.class, "ping", Ping.class), "data", 200);

    private final TypedMessageDecoder<Client> flat = TypedMessageDecoder.flat(new ObjectMapper(),
            Map.of("start", Start.class, "ping", Ping.class, "note", Note.class), 200);

    @Test
    void optionalFieldsMayBeMissingRequiredOnesMayNot() {
        assertThat(flat.decode("{\"type\":\"note\",\"text\":\"hi\"}"))
                .isEqualTo(new DecodeResult.Success<>(new Note("hi", null), "note"));
        assertFailure(flat.decode("{\"type\":\"note\",\"timestamp\":\"t\"}"), ErrorCode.VALIDATION_ERROR, "note");
    }

    @Test
    void decodesEnvelopedPayload() {
        assertThat(enveloped.decode("{\"type\":\"start\",\"data\":{\"test_id\":42,\"extra\":true}}"))
                .isEqualTo(new DecodeResult.Success<>(new Start(42), "start"));
    }

    @Test
    void decodesFlatPayload() {
        assertThat(flat.decode("{\"type\":\"start\",\"test_id\":7}"))
                .isEqualTo(new DecodeResult.Success<>(new Start(7), "start"));
    }

    @Test
    void messageWithoutFieldsNeedsNoData() {
        assertThat(enveloped.decode("{\"type\":\"ping\"}")).isEqualTo(new DecodeResult.Success<>(new Ping(), "ping"));
    }

    @Test
    void malformedJsonIsInvalidJson() {
        assertFailure(enveloped.decode("{\"type\":"), ErrorCode.INVALID_JSON, null);
        assertFailure(enveloped.decode("[1,2]"), ErrorCode.INVALID_JSON, null);
        assertFailure(enveloped.decode(""), ErrorCode.INVALID_JSON, null);
    }

    @Test
    void missingTypeIsValidationError() {
        assertFailure(enveloped.decode("{\"data\":{}}"), ErrorCode.VALIDATION_ERROR, null);
        assertFailure(enveloped.decode("{\"type\":5}"), ErrorCode.VALIDATION_ERROR, null);
    }

    @Test
    void unknownTypeKeepsTheTypeForTheReply() {
        assertFailure(enveloped.decode("{\"type\":\"launch\"}"), ErrorCode.UNKNOWN_MESSAGE_TYPE, "launch");
    }

    @Test
    void missingRequiredFieldNamesTheField() {
        DecodeResult<Client> result = enveloped.decode("{\"type\":\"start\",\"data\":{}}");
        assertFailure(result, ErrorCode.VALIDATION_ERROR, "start");
        assertThat(((DecodeResult.Failure<Client>) result).error().message()).contains("test_id");
    }

    @Test
    void mistypedFieldAndNonObjectDataAreValidationErrors() {
        assertFailure(enveloped.decode("{\"type\":\"start\",\"data\":{\"test_id\":\"abc\"}}"),
                ErrorCode.VALIDATION_ERROR, "start");
        assertFailure(enveloped.decode("{\"type\":\"start\",\"data\":\"x\"}"), ErrorCode.VALIDATION_ERROR, "start");
    }

    @Test
    void nulAndUnpairedSurrogatesAnywhereAreValidationErrorsNamingTheField() {
        DecodeResult<Client> nul = flat.decode("{\"type\":\"note\",\"text\":\"a\\u0000b\"}");
        assertFailure(nul, ErrorCode.VALIDATION_ERROR, "note");
        assertThat(((DecodeResult.Failure<Client>) nul).error().message()).contains("'text'").contains("NUL");
        assertFailure(flat.decode("{\"type\":\"note\",\"text\":\"lone \\ud800 high\"}"),
                ErrorCode.VALIDATION_ERROR, "note");
        assertFailure(flat.decode("{\"type\":\"note\",\"text\":\"lone \\udc00 low\"}"),
                ErrorCode.VALIDATION_ERROR, "note");
        assertFailure(enveloped.decode("{\"type\":\"start\",\"data\":{\"extra\":[\"ok\",\"\\u0000\"]}}"),
                ErrorCode.VALIDATION_ERROR, "start");
        assertFailure(flat.decode("{\"type\":\"note\",\"text\":\"x\",\"k\\u0000\":1}"), ErrorCode.VALIDATION_ERROR,
                "note");
        assertThat(flat.decode("{\"type\":\"note\",\"text\":\"emoji \\ud83d\\ude00 and tab\\t\"}"))
                .isEqualTo(new DecodeResult.Success<>(new Note("emoji \ud83d\ude00 and tab\t", null), "note"));
    }

    @Test
    void oversizeFrameIsRejectedBeforeParsing() {
        assertFailure(enveloped.decode("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(300) + "\"}"),
                ErrorCode.MESSAGE_TOO_LARGE, null);
    }

    private static void assertFailure(DecodeResult<Client> result, ErrorCode code, String type) {
        assertThat(result).isInstanceOf(DecodeResult.Failure.class);
        DecodeResult.Failure<Client> failure = (DecodeResult.Failure<Client>) result;
        assertThat(failure.error().code()).isEqualTo(code);
        assertThat(failure.type()).isEqualTo(type);
    }
}
