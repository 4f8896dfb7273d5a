-- POST /items/: one insert (autocommit)
INSERT INTO item (id, title, description, owner_id, created_at) VALUES (gen_random_uuid(), 'bench item', 'created by pgbench', :writer, now());
