-- Who a share link was handed to, which need not be the audience whose view it shows: the Engineering
-- view sent to the sales team, the Sales view sent to a customer. Roadmap health reads it to spot one
-- view shared with several audiences, and customers holding a view that is not customer-safe.
-- Links made before it was recorded count as shared with their view's own audience (null).
alter table share_link add column shared_with varchar(20);
