package io.realtime.docs.chat.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.realtime.docs.chat.domain.Chat;
import io.realtime.docs.chat.domain.ChatMessage;
import io.realtime.docs.chat.repository.ChatMessageRepository;
import io.realtime.docs.chat.repository.ChatRepository;
import io.realtime.docs.config.DocsConfig;
import io.realtime.docs.project.domain.ProjectAccess;
import io.realtime.docs.project.service.ProjectAccessService;
import io.realtime.docs.project.service.ProjectException;
import io.realtime.docs.project.service.ProjectService;
import io.smallrye.mutiny.Uni;

/**
 * Chats of a project. The rule follows the project's: members create, list and read every chat of the project and
 * send messages in it; to anyone else the project and its chats do not exist.
 */
@ApplicationScoped
public class ChatService {

    static final int MAX_TITLE = 200;

    private final ChatRepository chats;
    private final ChatMessageRepository messages;
    private final ProjectAccessService access;
    private final DocsConfig config;

    public ChatService(ChatRepository chats, ChatMessageRepository messages, ProjectAccessService access,
            DocsConfig config) {
        this.chats = chats;
        this.messages = messages;
        this.access = access;
        this.config = config;
    }

    public Uni<Chat> create(long projectId, String userId, String title) {
        String validTitle = ProjectService.text("title", title, MAX_TITLE, false);
        int maxChats = config.projects().maxChatsPerProject();
        return member(projectId, userId)
                .chain(ignored -> chats.create(projectId, validTitle == null ? "New chat" : validTitle, userId,
                        maxChats))
                .onItem().ifNull().failWith(() -> new ProjectException(ProjectException.Kind.LIMIT_REACHED,
                        "The project has " + maxChats + " chats, the most it may hold"));
    }

    public Uni<List<Chat>> list(long projectId, String userId, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 100) {
            return Uni.createFrom().failure(new ProjectException(ProjectException.Kind.INVALID,
                    "limit must be 1-100 and offset at least 0"));
        }
        return member(projectId, userId).chain(ignored -> chats.list(projectId, offset, limit));
    }

    /** Up to {@code limit} (1-100) messages older than {@code before} (null: the newest), newest first. */
    public Uni<List<ChatMessage>> history(long projectId, long chatId, String userId, Long before, int limit) {
        if (limit < 1 || limit > 100) {
            return Uni.createFrom().failure(new ProjectException(ProjectException.Kind.INVALID,
                    "limit must be 1-100"));
        }
        return chatOf(projectId, chatId, userId).chain(chat -> messages.page(chatId, before, limit));
    }

    public Uni<Chat> chatOf(long projectId, long chatId, String userId) {
        return member(projectId, userId).chain(ignored -> chats.find(chatId))
                .map(chat -> chat == null || chat.projectId() != projectId ? null : chat)
                .onItem().ifNull().failWith(() -> chatNotFound(chatId));
    }

    /**
     * The chat {@code userId} may write in, wherever it is; {@code userId} null is an anonymous client
     * ({@code docs.auth.required=false}, dev only), who may use any chat.
     */
    public Uni<Chat> usableChat(long chatId, String userId) {
        return chats.find(chatId).chain(chat -> {
            if (chat == null) {
                return Uni.createFrom().failure(chatNotFound(chatId));
            }
            return access.access(chat.projectId(), userId).map(result -> result == ProjectAccess.MEMBER ? chat
                    : null);
        }).onItem().ifNull().failWith(() -> chatNotFound(chatId));
    }

    private Uni<Void> member(long projectId, String userId) {
        return access.access(projectId, userId).chain(result -> result == ProjectAccess.MEMBER
                ? Uni.createFrom().voidItem()
                : Uni.createFrom().failure(ProjectException.projectNotFound(projectId)));
    }

    static ProjectException chatNotFound(long chatId) {
        return new ProjectException(ProjectException.Kind.NOT_FOUND, "Chat " + chatId + " not found");
    }
}
