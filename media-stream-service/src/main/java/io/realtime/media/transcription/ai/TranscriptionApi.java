package io.realtime.media.transcription.ai;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.client.api.ClientMultipartForm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;

/**
 * The OpenAI-compatible speech-to-text API (Whisper's shape): multipart {@code file} and {@code model}, answer
 * {@code {"text": ...}}. Base URL {@code quarkus.rest-client.transcription.url} ({@code TRANSCRIPTION_BASE_URL}, else
 * {@code OPENAI_BASE_URL}).
 */
@RegisterRestClient(configKey = "transcription")
@Path("/audio/transcriptions")
public interface TranscriptionApi {

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<Result> transcribe(@HeaderParam("Authorization") String authorization, ClientMultipartForm form);

    @RegisterForReflection
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Result(@JsonProperty("text") String text) {
    }
}
