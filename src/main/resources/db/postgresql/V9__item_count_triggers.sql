-- PostgreSQL keeps the counts of V8 with statement-level triggers: a statement's changes are summed per owner and slot
-- and applied in key order, so a bulk delete (a user's items, by cascade) writes each slot once, and two bulk writers
-- take their slots in the same order (no deadlock between them).
CREATE TYPE ${flyway:defaultSchema}.item_count_change AS (owner_id UUID, slot SMALLINT, d BIGINT);

CREATE FUNCTION ${flyway:defaultSchema}.item_count_slot(id UUID) RETURNS SMALLINT
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT (get_byte(uuid_send(id), 15) & 15)::SMALLINT $$;

CREATE FUNCTION ${flyway:defaultSchema}.item_counts_add(changes ${flyway:defaultSchema}.item_count_change[])
    RETURNS void LANGUAGE sql AS $$
    WITH change AS (SELECT owner_id, slot, SUM(d) AS d FROM unnest(changes) GROUP BY owner_id, slot),
    per_owner AS (
        INSERT INTO ${flyway:defaultSchema}.item_counts AS c (owner_id, slot, n)
        SELECT owner_id, slot, d FROM change WHERE d <> 0 ORDER BY owner_id, slot
        ON CONFLICT (owner_id, slot) DO UPDATE SET n = c.n + excluded.n)
    INSERT INTO ${flyway:defaultSchema}.item_total AS t (slot, n)
    SELECT slot, SUM(d) FROM change GROUP BY slot HAVING SUM(d) <> 0 ORDER BY slot
    ON CONFLICT (slot) DO UPDATE SET n = t.n + excluded.n
$$;

CREATE FUNCTION ${flyway:defaultSchema}.item_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ${flyway:defaultSchema}.item_counts_add(ARRAY(
        SELECT ROW(owner_id, slot, n)::${flyway:defaultSchema}.item_count_change FROM (
            SELECT owner_id, ${flyway:defaultSchema}.item_count_slot(id) AS slot, COUNT(*) AS n FROM added GROUP BY 1, 2) g));
    RETURN NULL;
END $$;

CREATE FUNCTION ${flyway:defaultSchema}.item_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ${flyway:defaultSchema}.item_counts_add(ARRAY(
        SELECT ROW(owner_id, slot, -n)::${flyway:defaultSchema}.item_count_change FROM (
            SELECT owner_id, ${flyway:defaultSchema}.item_count_slot(id) AS slot, COUNT(*) AS n FROM removed GROUP BY 1, 2) g));
    RETURN NULL;
END $$;

-- Only a changed owner moves a count; a changed title costs one join of the statement's rows.
CREATE FUNCTION ${flyway:defaultSchema}.item_counts_on_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM ${flyway:defaultSchema}.item_counts_add(ARRAY(
        SELECT ROW(owner_id, slot, d)::${flyway:defaultSchema}.item_count_change FROM (
            SELECT owner_id, slot, SUM(d) AS d FROM (
            SELECT a.owner_id, ${flyway:defaultSchema}.item_count_slot(a.id) AS slot, 1 AS d
            FROM added a JOIN removed r ON r.id = a.id WHERE r.owner_id <> a.owner_id
            UNION ALL
            SELECT r.owner_id, ${flyway:defaultSchema}.item_count_slot(r.id), -1
            FROM removed r JOIN added a ON a.id = r.id WHERE r.owner_id <> a.owner_id) moved
            GROUP BY 1, 2) g));
    RETURN NULL;
END $$;

CREATE FUNCTION ${flyway:defaultSchema}.item_counts_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ${flyway:defaultSchema}.item_counts;
    DELETE FROM ${flyway:defaultSchema}.item_total;
    RETURN NULL;
END $$;

CREATE TRIGGER item_counts_on_insert AFTER INSERT ON item REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION ${flyway:defaultSchema}.item_counts_on_insert();
CREATE TRIGGER item_counts_on_delete AFTER DELETE ON item REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION ${flyway:defaultSchema}.item_counts_on_delete();
CREATE TRIGGER item_counts_on_update AFTER UPDATE ON item REFERENCING OLD TABLE AS removed NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION ${flyway:defaultSchema}.item_counts_on_update();
CREATE TRIGGER item_counts_on_truncate AFTER TRUNCATE ON item
    FOR EACH STATEMENT EXECUTE FUNCTION ${flyway:defaultSchema}.item_counts_on_truncate();

-- The items already there (an adopted template database); the triggers' lock on item keeps writers out meanwhile.
SELECT ${flyway:defaultSchema}.item_counts_add(ARRAY(
    SELECT ROW(owner_id, slot, n)::${flyway:defaultSchema}.item_count_change FROM (
        SELECT owner_id, ${flyway:defaultSchema}.item_count_slot(id) AS slot, COUNT(*) AS n FROM item GROUP BY 1, 2) g));
