package io.realtime.docs.config;

import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's settings ({@code docs.*}). */
@ConfigMapping(prefix = "docs")
public interface DocsConfig {

    SocketIo socketio();

    Auth auth();

    Chat chat();

    Projects projects();

    /** With {@code SEED_DEMO=true} (the run command): a demo project with ingested documents and a chat. */
    @WithDefault("false")
    boolean seedDemo();

    /** Our Socket.IO server (socketio-server): the Engine.IO options the handshake announces, and the caps. */
    interface SocketIo {

        /** Where the server answers; the guide's client uses {@code path: '/socket.io'}. */
        @WithDefault("/socket.io/")
        String path();

        @WithDefault("25s")
        Duration pingInterval();

        @WithDefault("20s")
        Duration pingTimeout();

        /**
         * Largest polling POST body / websocket message, in bytes. {@code quarkus.websockets-next.server.max-frame-size}
         * and {@code max-message-size} must be at least this (application.properties).
         */
        @WithDefault("1000000")
        int maxPayload();

        /** A client that connects to no namespace within this is closed. */
        @WithDefault("45s")
        Duration connectTimeout();

        /** Connections one user may hold on one instance (tabs, devices); one more gets {@code connect_error}. */
        @WithDefault("10")
        int maxConnectionsPerUser();

        /** Origins allowed on polling requests ({@code *}: any). */
        @WithDefault("*")
        List<String> corsOrigins();
    }

    interface Auth {

        /**
         * Whether a Socket.IO client must present {@code auth: {token}} (true, the default). False (dev only) admits
         * clients without a token as anonymous; a token that is present must still be valid.
         */
        @WithDefault("true")
        boolean required();
    }

    /** The guide's {@code send_message} flow. */
    interface Chat {

        /**
         * Models a client may ask for with {@code model}; the first is used when it names none. Without a model
         * server ({@code OPENAI_API_KEY} unset) the extractive mode answers whatever is asked for.
         */
        @WithDefault("${quarkus.langchain4j.openai.chat-model.model-name:gpt-4o-mini},llama3.2")
        List<String> models();

        /** Temperature when the client gives none (clients may give 0-2). */
        @WithDefault("0.3")
        double temperature();

        /** How many chunks are retrieved and sent as {@code message_sources}. */
        @WithDefault("5")
        int topK();

        /** Longest {@code message}, in characters. */
        @WithDefault("8000")
        int maxMessageLength();

        /** With {@code include_history}: how many earlier messages of the chat the model sees. */
        @WithDefault("10")
        int historyMessages();

        /**
         * Answers one connection may have waiting behind the one being streamed (they are streamed one after the
         * other, so tokens never interleave); beyond this an {@code error} says to wait.
         */
        @WithDefault("2")
        int maxQueuedPerConnection();
    }

    interface Projects {

        /** Projects one user may own. */
        @WithDefault("100")
        int maxOwnedPerUser();

        /** Chats one project may hold. */
        @WithDefault("1000")
        int maxChatsPerProject();

        /** Members one project may have. */
        @WithDefault("500")
        int maxMembersPerProject();
    }
}
