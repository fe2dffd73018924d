package io.realtime.media.stream.endpoint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.realtime.media.config.StreamConfig;
import io.realtime.media.stream.domain.SessionStatus;
import io.realtime.media.stream.service.SessionService;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;

/**
 * The guide's REST endpoints: a session's status across the cluster, closing a session everywhere (an {@code admin}
 * JWT when {@code stream.auth.required}, open otherwise), and the test page.
 */
@Path("/api/stream")
public class StreamResource {

    /** A session's state across the cluster; counters since its first connection. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({ "session_id", "connected", "connection_count", "connected_since", "first_connected_at",
            "last_activity_at", "media" })
    public record Status(
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("connected") boolean connected,
            @JsonProperty("connection_count") int connectionCount,
            @JsonProperty("connected_since") String connectedSince,
            @JsonProperty("first_connected_at") String firstConnectedAt,
            @JsonProperty("last_activity_at") String lastActivityAt,
            @JsonProperty("media") Media media) {
    }

    @RegisterForReflection
    public record Media(
            @JsonProperty("chat_messages") long chatMessages,
            @JsonProperty("audio_chunks") long audioChunks,
            @JsonProperty("audio_bytes") long audioBytes,
            @JsonProperty("audio_seconds") double audioSeconds,
            @JsonProperty("video_chunks") long videoChunks,
            @JsonProperty("video_bytes") long videoBytes,
            @JsonProperty("transcriptions") long transcriptions) {
    }

    @RegisterForReflection
    public record Disconnected(
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("disconnected") boolean disconnected,
            @JsonProperty("connection_count") int connectionCount,
            @JsonProperty("message") String message) {
    }

    private final SessionService sessions;
    private final CurrentIdentityAssociation identities;
    private final StreamConfig config;
    private final String testPage;

    public StreamResource(SessionService sessions, CurrentIdentityAssociation identities, StreamConfig config) {
        this.sessions = sessions;
        this.identities = identities;
        this.config = config;
        this.testPage = resource("test-page.html");
    }

    @GET
    @Path("/status/{session_id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> status(@PathParam("session_id") String sessionId) {
        if (!SessionService.isValidSessionId(sessionId)) {
            return Uni.createFrom().item(invalid());
        }
        return sessions.status(sessionId).map(status -> Response.ok(toStatus(sessionId, status)).build());
    }

    @DELETE
    @Path("/disconnect/{session_id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Uni<Response> disconnect(@PathParam("session_id") String sessionId) {
        if (!SessionService.isValidSessionId(sessionId)) {
            return Uni.createFrom().item(invalid());
        }
        Uni<Response> refusal = config.auth().required() ? identities.getDeferredIdentity().map(this::refusal)
                : Uni.createFrom().nullItem();
        return refusal.chain(refused -> refused != null ? Uni.createFrom().item(refused)
                : sessions.disconnect(sessionId).map(count -> Response.ok(new Disconnected(sessionId, true, count,
                        "Session " + sessionId + " disconnected: " + count + " connection(s) closed")).build()));
    }

    @GET
    @Path("/test-page")
    @Produces(MediaType.TEXT_HTML)
    public String testPage() {
        return testPage;
    }

    private Response refusal(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return Response.status(Response.Status.UNAUTHORIZED).entity(Map.of("detail", "Authentication required"))
                    .type(MediaType.APPLICATION_JSON).build();
        }
        if (!identity.hasRole(config.auth().adminRole())) {
            return Response.status(Response.Status.FORBIDDEN).entity(Map.of("detail", "Access denied: role "
                    + config.auth().adminRole() + " required")).type(MediaType.APPLICATION_JSON).build();
        }
        return null;
    }

    private static Response invalid() {
        return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("detail", SessionService.INVALID_SESSION))
                .type(MediaType.APPLICATION_JSON).build();
    }

    private static Status toStatus(String sessionId, SessionStatus status) {
        if (status == null) {
            return new Status(sessionId, false, 0, null, null, null, new Media(0, 0, 0, 0, 0, 0, 0));
        }
        return new Status(sessionId, status.connections() > 0, status.connections(),
                status.connectedSince() == null ? null : WireTime.format(status.connectedSince()),
                WireTime.format(status.firstConnectedAt()), WireTime.format(status.lastActivityAt()),
                new Media(status.chatMessages(), status.audioChunks(), status.audioBytes(),
                        Math.round(status.audioSeconds() * 1000) / 1000.0, status.videoChunks(), status.videoBytes(),
                        status.transcriptions()));
    }

    private static String resource(String name) {
        try (InputStream in = StreamResource.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
