-- GET /items/?skip=0&limit=100 for a regular user: the page with the total in one statement, as the service runs it
SELECT id, title, description, owner_id, created_at, (SELECT COUNT(*) FROM item WHERE owner_id = :owner) AS total FROM item WHERE owner_id = :owner ORDER BY created_at DESC NULLS FIRST, id LIMIT 100 OFFSET 0;
