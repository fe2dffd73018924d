-- One visitor's chat with the assistant. Any instance serves any session: everything a frame needs is here.
CREATE TABLE chat_session (
    id                UUID PRIMARY KEY,
    visitor_id        UUID        NOT NULL,
    status            TEXT        NOT NULL CHECK (status IN ('active', 'completed', 'ended', 'expired')),
    -- what the visitor told us (name, email, phone, postcode, ...): validated, never invented
    conversation_data JSONB       NOT NULL DEFAULT '{}'::jsonb,
    -- the address that created it: the per-IP creation limit counts these across instances
    created_ip        TEXT        NOT NULL,
    created_at        TIMESTAMPTZ NOT NULL,
    last_activity_at  TIMESTAMPTZ NOT NULL,
    expires_at        TIMESTAMPTZ NOT NULL,
    completed_at      TIMESTAMPTZ,
    ended_at          TIMESTAMPTZ
);
CREATE INDEX chat_session_by_ip_time ON chat_session (created_ip, created_at);
CREATE INDEX chat_session_by_visitor ON chat_session (visitor_id);

-- Every message, the visitor's and the assistant's (answers, idle warnings, session ends), in order.
CREATE TABLE chat_message (
    seq        BIGSERIAL PRIMARY KEY,
    id         UUID        NOT NULL UNIQUE,
    session_id UUID        NOT NULL REFERENCES chat_session (id) ON DELETE CASCADE,
    role       TEXT        NOT NULL CHECK (role IN ('user', 'assistant')),
    kind       TEXT        NOT NULL CHECK (kind IN ('message', 'idle_warning', 'session_end')),
    content    TEXT        NOT NULL,
    created_at TIMESTAMPTZ NOT NULL
);
-- history in order, and the per-session rate limit (the visitor's messages in the last window)
CREATE INDEX chat_message_by_session ON chat_message (session_id, seq);
CREATE INDEX chat_message_by_session_role_time ON chat_message (session_id, role, created_at);

-- The service kit's transactional outbox (io.realtime.kit.outbox.Outbox): chat.session.completed/ended are written
-- in the transaction that changes the session's status.
create table outbox_event (
    id bigserial primary key,
    topic text not null,
    record_key text,
    payload text not null,
    created_at timestamptz not null default now(),
    published_at timestamptz);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
