package io.realtime.chat.session.endpoint;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.realtime.chat.session.domain.ChatSession;
import io.realtime.chat.session.domain.SessionMessage;
import io.realtime.chat.session.domain.SessionStatus;
import io.realtime.chat.session.service.Ids;
import io.realtime.chat.session.service.SessionException;
import io.realtime.chat.session.service.SessionService;
import io.realtime.protocol.wire.WireTime;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Sessions over REST, with or without the trailing slash the guide uses (Quarkus REST matches both). Creating one is anonymous (limited per
 * client address); reading one needs its {@code visitor_id} (query or {@code X-Visitor-Id}) or a staff JWT (role
 * {@code staff}). Anything else is 404, exactly as for an unknown session.
 */
@Path("/api/chats/sessions")
@Produces(MediaType.APPLICATION_JSON)
public class SessionsResource {

    public static final String STAFF_ROLE = "staff";

    @RegisterForReflection
    public record NewSession(@JsonProperty("visitor_id") String visitorId) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SessionBody(
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("visitor_id") String visitorId,
            @JsonProperty("status") String status,
            @JsonProperty("conversation_data") Map<String, String> conversationData,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("last_activity_at") String lastActivityAt,
            @JsonProperty("expires_at") String expiresAt,
            @JsonProperty("completed_at") String completedAt,
            @JsonProperty("ended_at") String endedAt) {
    }

    @RegisterForReflection
    public record MessageBody(
            @JsonProperty("id") String id,
            @JsonProperty("role") String role,
            @JsonProperty("kind") String kind,
            @JsonProperty("content") String content,
            @JsonProperty("created_at") String createdAt) {
    }

    @RegisterForReflection
    public record HistoryBody(
            @JsonProperty("session_id") String sessionId,
            @JsonProperty("messages") List<MessageBody> messages,
            @JsonProperty("offset") int offset,
            @JsonProperty("limit") int limit,
            @JsonProperty("has_more") boolean hasMore) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Problem(
            @JsonProperty("error") String error,
            @JsonProperty("code") String code,
            @JsonProperty("retry_after") Long retryAfter) {
    }

    private final SessionService sessions;
    private final CurrentIdentityAssociation identity;
    private final Clock clock;
    private final ObjectMapper json;

    public SessionsResource(SessionService sessions, CurrentIdentityAssociation identity, Clock clock,
            ObjectMapper json) {
        this.json = json;
        this.sessions = sessions;
        this.identity = identity;
        this.clock = clock;
    }

    /** The body is optional ({@code {"visitor_id": ...}} for a returning visitor) and may come with any type. */
    @POST
    @Consumes(MediaType.WILDCARD)
    public Uni<Response> create(String text, HttpServerRequest request) {
        NewSession body;
        try {
            body = text == null || text.isBlank() ? null : json.readValue(text, NewSession.class);
        } catch (java.io.IOException e) {
            return Uni.createFrom().failure(new SessionException(SessionException.Kind.INVALID,
                    "Invalid request body"));
        }
        return sessions.create(ClientAddress.of(request), body == null ? null : body.visitorId())
                .map(session -> Response.status(Response.Status.CREATED).entity(body(session)).build());
    }

    @GET
    @Path("/{id}")
    public Uni<SessionBody> get(@PathParam("id") String id, @QueryParam("visitor_id") String visitorQuery,
            @HeaderParam("X-Visitor-Id") String visitorHeader) {
        return allowed(id, visitorQuery, visitorHeader).map(this::body);
    }

    /** The history, oldest first: {@code limit} (default 50, at most 200) from {@code offset}. */
    @GET
    @Path("/{id}/messages")
    public Uni<HistoryBody> messages(@PathParam("id") String id, @QueryParam("visitor_id") String visitorQuery,
            @HeaderParam("X-Visitor-Id") String visitorHeader, @QueryParam("offset") Integer offset,
            @QueryParam("limit") Integer limit) {
        return allowed(id, visitorQuery, visitorHeader)
                .chain(session -> sessions.history(session.id, offset, limit))
                .map(page -> new HistoryBody(id, page.messages().stream().map(SessionsResource::message).toList(),
                        page.offset(), page.limit(), page.hasMore()));
    }

    /** The session if the caller is its visitor or staff; otherwise "not found", whether or not it exists. */
    private Uni<ChatSession> allowed(String id, String visitorQuery, String visitorHeader) {
        String visitor = visitorQuery != null ? visitorQuery : visitorHeader;
        return sessions.find(id).chain(session -> {
            if (session == null) {
                return Uni.createFrom().failure(SessionException.notFound());
            }
            UUID claimed = Ids.parse(visitor);
            if (claimed != null && claimed.equals(session.visitorId)) {
                return Uni.createFrom().item(session);
            }
            return isStaff().chain(staff -> staff ? Uni.createFrom().item(session)
                    : Uni.createFrom().failure(SessionException.notFound()));
        });
    }

    /** A valid token with the staff role; a missing, bad or expired token is simply not staff. */
    private Uni<Boolean> isStaff() {
        return identity.getDeferredIdentity()
                .map(caller -> !caller.isAnonymous() && caller.hasRole(STAFF_ROLE))
                .onFailure().recoverWithItem(false);
    }

    private SessionBody body(ChatSession session) {
        SessionStatus status = session.statusAt(clock.instant());
        return new SessionBody(session.id.toString(), session.visitorId.toString(), status.wire(),
                session.orderedData(), WireTime.format(session.createdAt), WireTime.format(session.lastActivityAt),
                WireTime.format(session.expiresAt), time(session.completedAt), time(session.endedAt));
    }

    private static MessageBody message(SessionMessage message) {
        return new MessageBody(message.id.toString(), message.role, message.kind, message.content,
                WireTime.format(message.createdAt));
    }

    private static String time(java.time.Instant instant) {
        return instant == null ? null : WireTime.format(instant);
    }

    @ServerExceptionMapper
    public Response refused(SessionException e) {
        return switch (e.kind()) {
            case SESSION -> Response.status(Response.Status.NOT_FOUND)
                    .entity(new Problem(SessionException.NOT_FOUND, "not_found", null)).build();
            case INVALID -> Response.status(Response.Status.BAD_REQUEST)
                    .entity(new Problem(e.getMessage(), "validation_error", null)).build();
            case RATE_LIMITED -> Response.status(429).header("Retry-After", e.retryAfterSeconds())
                    .entity(new Problem(e.getMessage() + ". Try again in " + e.retryAfterSeconds() + " seconds",
                            "rate_limited", e.retryAfterSeconds())).build();
        };
    }


}
