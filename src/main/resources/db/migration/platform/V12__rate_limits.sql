-- Fixed-window counters per key (platform/limit), shared by every node.
create table rate_limit (
    limit_key  varchar(300)             primary key,
    window_end timestamp with time zone not null,
    hits       int                      not null
);
create index rate_limit_by_end on rate_limit (window_end);
