-- what the roadmap needs to plan a drafted initiative: a horizon, an effort range in person-weeks and
-- optionally a target quarter. Drafts stored before this keep no estimate until someone gives one
-- (signing off roadmap planning asks for it).
alter table session_initiative add column horizon varchar(10) not null default 'NEXT';
alter table session_initiative add column effort_low numeric(10, 2);
alter table session_initiative add column effort_high numeric(10, 2);
alter table session_initiative add column target_quarter varchar(7);
