-- Scheduled jobs that run once per cluster (platform/schedule). A node runs an occurrence (a slot of
-- the job's period) only after moving last_slot past it while no other node's lease is current.
create table job_lease (
    job_name    varchar(100)             primary key,
    holder      varchar(100),
    lease_until timestamp with time zone not null,
    last_slot   bigint                   not null,
    last_run_at timestamp with time zone
);

-- Things that must happen once ever ("the reminder for this person and week"), claimed by key in the
-- transaction that does them.
create table job_occurrence (
    job_name       varchar(100)             not null,
    occurrence_key varchar(300)             not null,
    node           varchar(100)             not null,
    claimed_at     timestamp with time zone not null,
    primary key (job_name, occurrence_key)
);
create index job_occurrence_by_age on job_occurrence (job_name, claimed_at);
