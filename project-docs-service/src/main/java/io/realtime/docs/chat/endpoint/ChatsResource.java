package io.realtime.docs.chat.endpoint;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.security.Authenticated;
import io.realtime.docs.chat.domain.Chat;
import io.realtime.docs.chat.domain.ChatMessage;
import io.realtime.docs.chat.domain.Source;
import io.realtime.docs.chat.service.ChatService;
import io.realtime.protocol.wire.WireTime;
import io.realtime.security.websocket.UserIds;
import io.smallrye.mutiny.Uni;

/** A project's chats over REST (JWT, project members only): create, list, and page through a chat's history. */
@Path("/api/projects/{projectId}/chats")
@Authenticated
@Tag(name = "Chats")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ChatsResource {

    @RegisterForReflection
    public record NewChat(String title) {
    }

    @RegisterForReflection
    public record ChatBody(long id, @JsonProperty("project_id") long projectId, String title,
            @JsonProperty("created_by") String createdBy, @JsonProperty("created_at") String createdAt) {
    }

    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record MessageBody(long id, @JsonProperty("chat_id") long chatId, String role,
            @JsonProperty("user_id") String userId, String content, List<Source> sources, String model,
            @JsonProperty("created_at") String createdAt) {
    }

    /** {@code next_before}: pass it as {@code before} for the older page; null on the last page. */
    @RegisterForReflection
    public record HistoryBody(List<MessageBody> messages, @JsonProperty("next_before") Long nextBefore) {
    }

    private final ChatService chats;
    private final JsonWebToken jwt;

    public ChatsResource(ChatService chats, JsonWebToken jwt) {
        this.chats = chats;
        this.jwt = jwt;
    }

    @POST
    @Operation(summary = "Create a chat in the project")
    public Uni<Response> create(@PathParam("projectId") long projectId, NewChat request) {
        return chats.create(projectId, me(), request == null ? null : request.title())
                .map(chat -> Response.status(Response.Status.CREATED).entity(body(chat)).build());
    }

    @GET
    @Operation(summary = "The project's chats, newest first")
    public Uni<List<ChatBody>> list(@PathParam("projectId") long projectId, @QueryParam("limit") Integer limit,
            @QueryParam("offset") Integer offset) {
        return chats.list(projectId, me(), offset == null ? 0 : offset, limit == null ? 50 : limit)
                .map(list -> list.stream().map(ChatsResource::body).toList());
    }

    @GET
    @Path("/{chatId}")
    @Operation(summary = "One chat")
    public Uni<ChatBody> get(@PathParam("projectId") long projectId, @PathParam("chatId") long chatId) {
        return chats.chatOf(projectId, chatId, me()).map(ChatsResource::body);
    }

    @GET
    @Path("/{chatId}/messages")
    @Operation(summary = "The chat's messages, newest first; the assistant's with their sources")
    public Uni<HistoryBody> history(@PathParam("projectId") long projectId, @PathParam("chatId") long chatId,
            @QueryParam("before") Long before, @QueryParam("limit") Integer limit) {
        int size = limit == null ? 50 : limit;
        return chats.history(projectId, chatId, me(), before, size).map(page -> new HistoryBody(
                page.stream().map(ChatsResource::body).toList(),
                page.size() < size ? null : page.get(page.size() - 1).id()));
    }

    private String me() {
        return UserIds.of(jwt);
    }

    private static ChatBody body(Chat chat) {
        return new ChatBody(chat.id(), chat.projectId(), chat.title(), chat.createdBy(),
                WireTime.format(chat.createdAt()));
    }

    private static MessageBody body(ChatMessage message) {
        return new MessageBody(message.id(), message.chatId(), message.role(), message.userId(), message.content(),
                message.sources(), message.model(), WireTime.format(message.createdAt()));
    }
}
