-- Cluster-wide state of live sessions: every instance writes its own connections and the session's counters here,
-- so GET /api/stream/status/{session_id} answers for the whole cluster and limits hold across instances.

-- Instances announce themselves every few seconds; connections of an instance not seen for a while (it crashed)
-- are not counted and are purged.
create table stream_instance (
    id        text primary key,
    seen_at   timestamptz not null
);

create table stream_connection (
    id            text primary key,
    session_id    text not null,
    instance_id   text not null references stream_instance (id) on delete cascade,
    user_id       text,
    connected_at  timestamptz not null
);
create index stream_connection_session on stream_connection (session_id, connected_at);

-- Counters of a session since its first connection; window_* is the current minute of audio (the per-session limit).
create table stream_session (
    session_id            text primary key,
    first_connected_at    timestamptz not null,
    last_activity_at      timestamptz not null,
    chat_messages         bigint not null default 0,
    audio_chunks          bigint not null default 0,
    audio_bytes           bigint not null default 0,
    audio_seconds         double precision not null default 0,
    video_chunks          bigint not null default 0,
    video_bytes           bigint not null default 0,
    transcriptions        bigint not null default 0,
    window_start          timestamptz not null,
    window_audio_seconds  double precision not null default 0
);
