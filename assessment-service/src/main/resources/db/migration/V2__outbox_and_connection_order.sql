-- Events other services consume, written in the transaction of the change they report (io.realtime.kit.outbox).
create table outbox_event (
    id bigserial primary key,
    topic text not null,
    record_key text,
    payload text not null,
    created_at timestamptz not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (id) where published_at is null;

-- One number per connection across every instance: the newest connection of a user is the one with the highest.
create sequence connection_order;
