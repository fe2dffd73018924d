-- Chats of a project and their messages. Who may use a chat follows from its project: every member of the project
-- reads its chats and sends messages in them (project_member decides, as everywhere in this service).
CREATE TABLE chat (
    id         BIGSERIAL PRIMARY KEY,
    project_id BIGINT      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    title      TEXT        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    created_by TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX chat_by_project ON chat (project_id, id);

-- A user's message and the assistant's answer. The answer keeps the sources it was given (the guide's
-- message_sources entries, as JSON) and what answered it: a model's name, or 'extractive' without a model.
-- user_id is null for anonymous clients (docs.auth.required=false, dev only).
CREATE TABLE chat_message (
    id         BIGSERIAL PRIMARY KEY,
    chat_id    BIGINT      NOT NULL REFERENCES chat (id) ON DELETE CASCADE,
    role       TEXT        NOT NULL CHECK (role IN ('user', 'assistant')),
    user_id    TEXT,
    content    TEXT        NOT NULL,
    sources    JSONB,
    model      TEXT,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX chat_message_by_chat ON chat_message (chat_id, id);
