-- The item lists filter by owner and sort newest first, and count per owner: without these every list and count
-- scans and sorts the whole table (the template has no such index). An adopted template database gets them too.
CREATE INDEX ix_item_owner_created ON item (owner_id, created_at DESC NULLS FIRST, id);
CREATE INDEX ix_item_created ON item (created_at DESC NULLS FIRST, id);
CREATE INDEX ix_user_created ON "user" (created_at DESC NULLS FIRST, id);
