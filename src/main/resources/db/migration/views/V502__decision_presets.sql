-- Which decisions an audience sees: only the key ones or all, and at most how many (0 = no limit).
alter table view_preset add column key_decisions_only boolean not null default true;
alter table view_preset add column max_decisions int not null default 5;
-- Presets edited before there were decisions show them as the audiences' defaults do: executives and sales
-- the key ones (sales only those marked external, as for initiatives), engineering all of them. Nothing new
-- appears anywhere until someone records a decision, and customer presets are left as they are.
update view_preset set fields = fields || ',DECISIONS' where audience in ('EXECUTIVE', 'ENGINEERING', 'SALES');
update view_preset set key_decisions_only = false, max_decisions = 0 where audience = 'ENGINEERING';
