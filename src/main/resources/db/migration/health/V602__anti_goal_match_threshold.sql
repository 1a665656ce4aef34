-- The anti-goal threshold changes scale: it was the share of an anti-goal's significant words an initiative
-- had to repeat (word overlap), it is now how alike the two texts are as the text scorer judges them
-- (0-100 %). A new column, so nothing can read an old value with the new meaning. Each stored value keeps its
-- place relative to the default: the old default 60 becomes the new default 50, stricter values stay stricter
-- in proportion up to 100, looser ones fall in proportion towards 1. Thresholds.matchPercentFromWordOverlap
-- is the same rule in Java (it converts an old value found in a roadmap file); a test runs both over 1-100.
alter table health_thresholds add column anti_goal_match_percent int;
update health_thresholds set anti_goal_match_percent = case
    when anti_goal_similarity_percent >= 60 then 50 + ((anti_goal_similarity_percent - 60) * 50 + 20) / 40
    else greatest(1, (anti_goal_similarity_percent * 50 + 30) / 60)
end;
alter table health_thresholds alter column anti_goal_match_percent set not null;
alter table health_thresholds drop column anti_goal_similarity_percent;
