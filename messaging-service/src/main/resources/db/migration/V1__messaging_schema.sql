CREATE TABLE conversation (
    id                 UUID PRIMARY KEY,
    title              TEXT,
    includes_assistant BOOLEAN     NOT NULL DEFAULT FALSE,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL,
    -- the last message's seq: incrementing it locks the row, so a conversation's messages get one order
    last_seq           BIGINT      NOT NULL DEFAULT 0
);

CREATE TABLE conversation_participant (
    conversation_id UUID        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    user_id         TEXT        NOT NULL,
    joined_at       TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_participant_by_user ON conversation_participant (user_id);

CREATE TABLE message (
    id               BIGSERIAL PRIMARY KEY,
    -- the client's id: sending it again never stores a second message
    message_id       TEXT        NOT NULL UNIQUE,
    conversation_id  UUID        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    seq              BIGINT      NOT NULL,
    sender_id        TEXT        NOT NULL,
    role             TEXT        NOT NULL CHECK (role IN ('user', 'assistant')),
    content          TEXT        NOT NULL,
    client_timestamp TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL,
    UNIQUE (conversation_id, seq)
);
CREATE INDEX message_by_sender_time ON message (sender_id, created_at);
