CREATE TABLE conversation (
    id                 UUID PRIMARY KEY,
    title              TEXT,
    includes_assistant BOOLEAN     NOT NULL DEFAULT FALSE,
    created_by         TEXT        NOT NULL,
    created_at         TIMESTAMPTZ NOT NULL DEFAULT now()
);

CREATE TABLE conversation_participant (
    conversation_id UUID        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    user_id         TEXT        NOT NULL,
    joined_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (conversation_id, user_id)
);
CREATE INDEX conversation_participant_by_user ON conversation_participant (user_id);

-- seq gives every conversation one total order: the order history returns and every participant sees.
CREATE TABLE message (
    seq              BIGSERIAL PRIMARY KEY,
    message_id       TEXT        NOT NULL UNIQUE,
    conversation_id  UUID        NOT NULL REFERENCES conversation (id) ON DELETE CASCADE,
    sender_id        TEXT        NOT NULL,
    content          TEXT        NOT NULL CHECK (char_length(content) <= 10000),
    client_timestamp TIMESTAMPTZ,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX message_by_conversation ON message (conversation_id, seq DESC);
