-- Benchmark data, the same for every server: besides the first superuser, 100 users (user001@example.com ...,
-- password :'password', stored as the bcrypt hash :'hash' as the template's passlib writes it) and :items items,
-- spread round-robin over the users (user001 owns items 1, 101, 201, ...), with distinct increasing created_at.
-- psql -v hash=... -v password=... -v items=10000 -f seed.sql
\set ON_ERROR_STOP on
BEGIN;
DELETE FROM item;
DELETE FROM "user" WHERE email LIKE 'user___@example.com';
INSERT INTO "user" (id, email, is_active, is_superuser, full_name, hashed_password, created_at)
SELECT md5('bench-user-' || n)::uuid, 'user' || lpad(n::text, 3, '0') || '@example.com', TRUE, FALSE,
       'Bench User ' || lpad(n::text, 3, '0'), :'hash', TIMESTAMPTZ '2026-01-01 00:00:00+00' + n * INTERVAL '1 second'
FROM generate_series(1, 100) AS n;
INSERT INTO item (id, title, description, owner_id, created_at)
SELECT md5('bench-item-' || k)::uuid, 'Item ' || k, 'Seeded item number ' || k,
       md5('bench-user-' || (k % 100 + 1))::uuid,
       TIMESTAMPTZ '2026-02-01 00:00:00+00' + k * INTERVAL '1 millisecond'
FROM generate_series(0, :items - 1) AS k;
COMMIT;
VACUUM ANALYZE "user";
VACUUM ANALYZE item;
