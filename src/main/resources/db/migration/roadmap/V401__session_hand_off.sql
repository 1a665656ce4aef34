-- initiatives taken over from a strategy session's roadmap planning remember where they came from,
-- so handing the same session off again (after a reopen) never adds them twice
alter table roadmap_initiative add column source_session_id bigint;
alter table roadmap_initiative add column source_initiative_id bigint;
create unique index roadmap_initiative_by_source on roadmap_initiative (roadmap_id, source_initiative_id);
