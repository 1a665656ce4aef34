-- Long work (imports, exports) that runs in the background on one node and is followed from any node:
-- its progress, the running node's heartbeat, its input and its result file all live here. Short-lived
-- and derived: rows expire and are deleted, and a workspace backup never carries them.
create table background_job (
    id           varchar(32)              primary key, -- 128 random bits in hex: not guessable
    kind         varchar(100)             not null,
    owner_id     bigint                   not null,
    workspace_id bigint                   not null,
    scope_id     bigint                   not null,    -- what the job is about within the workspace, e.g. a product
    state        varchar(20)              not null,    -- QUEUED, RUNNING, DONE, FAILED
    percent      int                      not null,
    step         varchar(500)             not null,
    detail       text,                                 -- what the owning module keeps about the job (JSON or text)
    input        bytea,                                -- e.g. an uploaded file waiting for its confirmation
    result       bytea,
    result_name  varchar(300),
    result_type  varchar(200),
    error        varchar(2000),
    node_id      varchar(200),                         -- the node that took the job on; null while it waits
    heartbeat_at timestamp with time zone,
    keep_seconds int                      not null,    -- how long the row is kept after it finishes
    created_at   timestamp with time zone not null,
    started_at   timestamp with time zone,
    finished_at  timestamp with time zone,
    expires_at   timestamp with time zone not null
);
create index background_job_live on background_job (state, heartbeat_at);
create index background_job_expiry on background_job (expires_at);
