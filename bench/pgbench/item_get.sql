-- GET /items/{id}: one row by primary key
SELECT id, title, description, owner_id, created_at FROM item WHERE id = :item;
