package io.realtime.messaging.conversation.endpoint;

import java.util.List;
import java.util.UUID;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.realtime.messaging.conversation.service.ConversationException;
import io.realtime.messaging.conversation.service.ConversationService;
import io.realtime.messaging.conversation.service.RateLimit;
import io.realtime.protocol.error.ErrorCode;
import io.realtime.protocol.wire.WireTime;
import io.realtime.security.websocket.UserIds;
import io.smallrye.mutiny.Uni;

/** Conversations over REST (JWT): create, list mine, change participants, page through history newest first. */
@Path("/api/conversations")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ConversationsResource {

    @RegisterForReflection
    public record NewConversation(String title, List<String> participants, Boolean includeAssistant) {
    }

    @RegisterForReflection
    public record NewParticipant(String userId) {
    }

    @RegisterForReflection
    public record ConversationBody(String id, String title, boolean includeAssistant, String createdBy,
            String createdAt, List<String> participants) {
    }

    @RegisterForReflection
    public record MessageBody(String messageId, String conversationId, String userId, String role, String content,
            long seq, String timestamp) {
    }

    @RegisterForReflection
    public record HistoryBody(List<MessageBody> messages, String nextCursor) {
    }

    @RegisterForReflection
    public record Problem(String error, String code) {
    }

    private final ConversationService conversations;
    private final JsonWebToken jwt;

    public ConversationsResource(ConversationService conversations, JsonWebToken jwt) {
        this.conversations = conversations;
        this.jwt = jwt;
    }

    /** 201 with the conversation; 429 with {@code Retry-After} past the caller's creation rate limit. */
    @POST
    public Uni<Response> create(NewConversation request) {
        NewConversation body = request == null ? new NewConversation(null, List.of(), false) : request;
        return conversations.create(me(), body.title(), body.participants(), Boolean.TRUE.equals(
                body.includeAssistant()))
                .map(view -> Response.status(Response.Status.CREATED).entity(body(view)).build());
    }

    /** The caller's conversations, newest first: {@code limit} 1-100 (default 50), {@code offset} to page. */
    @GET
    public Uni<List<ConversationBody>> mine(@QueryParam("limit") Integer limit, @QueryParam("offset") Integer offset) {
        return conversations.listMine(me(), offset == null ? 0 : offset, limit == null ? 50 : limit)
                .map(list -> list.stream().map(ConversationsResource::body).toList());
    }

    @GET
    @Path("/{id}")
    public Uni<ConversationBody> get(@PathParam("id") String id) {
        return conversations.get(uuid(id), me()).map(ConversationsResource::body);
    }

    @POST
    @Path("/{id}/participants")
    public Uni<ConversationBody> add(@PathParam("id") String id, NewParticipant request) {
        if (request == null || request.userId() == null || request.userId().isBlank()) {
            throw new ConversationException(ErrorCode.VALIDATION_ERROR, "userId is required");
        }
        return conversations.addParticipant(uuid(id), me(), request.userId()).map(ConversationsResource::body);
    }

    @DELETE
    @Path("/{id}/participants/{userId}")
    public Uni<Response> remove(@PathParam("id") String id, @PathParam("userId") String userId) {
        return conversations.removeParticipant(uuid(id), me(), userId).map(ignored -> Response.noContent().build());
    }

    /** {@code before}: the {@code nextCursor} of the previous page; {@code limit} 1-100 (default 50). */
    @GET
    @Path("/{id}/messages")
    public Uni<HistoryBody> history(@PathParam("id") String id, @QueryParam("before") String before,
            @QueryParam("limit") Integer limit) {
        Long cursor;
        try {
            cursor = before == null || before.isBlank() ? null : Long.parseLong(before);
        } catch (NumberFormatException e) {
            throw new ConversationException(ErrorCode.VALIDATION_ERROR, "before must be a cursor from nextCursor");
        }
        return conversations.history(uuid(id), me(), cursor, limit == null ? 50 : limit)
                .map(page -> new HistoryBody(page.messages().stream().map(m -> new MessageBody(m.messageId,
                        m.conversationId.toString(), m.senderId, m.role, m.content, m.seq,
                        WireTime.format(m.createdAt))).toList(),
                        page.nextCursor() == null ? null : page.nextCursor().toString()));
    }

    @ServerExceptionMapper
    public Response rule(ConversationException e) {
        Response.Status status = switch (e.code()) {
            case CONVERSATION_NOT_FOUND -> Response.Status.NOT_FOUND;
            case NOT_PARTICIPANT, ACCESS_DENIED -> Response.Status.FORBIDDEN;
            case RATE_LIMIT -> Response.Status.TOO_MANY_REQUESTS;
            default -> Response.Status.BAD_REQUEST;
        };
        Response.ResponseBuilder response = Response.status(status)
                .entity(new Problem(e.getMessage(), e.code().name()));
        if (e instanceof RateLimit.RateLimitException limited) {
            response.header("Retry-After", limited.retryAfterSeconds());
        }
        return response.build();
    }

    private String me() {
        return UserIds.of(jwt);
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new ConversationException(ErrorCode.CONVERSATION_NOT_FOUND, "Conversation not found");
        }
    }

    private static ConversationBody body(ConversationService.ConversationView view) {
        return new ConversationBody(view.id().toString(), view.title(), view.includesAssistant(), view.createdBy(),
                WireTime.format(view.createdAt()), view.participants());
    }
}
