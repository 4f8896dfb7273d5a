-- GET /users/me without the cache: the user by primary key
SELECT id, email, is_active, is_superuser, full_name, hashed_password, created_at FROM "user" WHERE id = :reader;
