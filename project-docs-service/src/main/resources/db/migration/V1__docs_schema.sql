-- Projects and who may see them. The rule: a user sees, joins and works in a project only when a project_member
-- row names them; the creator gets the 'owner' row in the transaction that creates the project (owner_id says who
-- created it; access is always decided by project_member). User ids are the token's (common-security's UserIds).
CREATE TABLE project (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description TEXT,
    owner_id    TEXT        NOT NULL,
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX project_by_owner ON project (owner_id);

CREATE TABLE project_member (
    project_id BIGINT      NOT NULL REFERENCES project (id) ON DELETE CASCADE,
    user_id    TEXT        NOT NULL,
    role       TEXT        NOT NULL CHECK (role IN ('owner', 'member')),
    added_at   TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (project_id, user_id)
);
-- "list my projects"
CREATE INDEX project_member_by_user ON project_member (user_id, project_id);

-- The service kit's transactional outbox (io.realtime.kit.outbox.Outbox): document and project events are written
-- in the transaction that changes the document or project.
create table outbox_event (
    id bigserial primary key,
    topic text not null,
    record_key text,
    payload text not null,
    created_at timestamptz not null default now(),
    published_at timestamptz);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;
