-- Live updates (platform/live): each topic's events are numbered in commit order (the topic's row is
-- locked from numbering to commit) and kept for a while, so a client that reconnects with
-- Last-Event-ID gets exactly what it missed.
create table live_topic (
    topic    varchar(200) primary key,
    last_seq bigint not null
);

create table live_event (
    topic      varchar(200)             not null,
    seq        bigint                   not null,
    name       varchar(100)             not null,
    data       text                     not null,
    created_at timestamp with time zone not null,
    primary key (topic, seq)
);
create index live_event_by_age on live_event (created_at);
