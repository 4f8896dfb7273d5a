-- PostgreSQL keeps the counts of V8 with triggers, each as cheap as its case allows (an insert with its count costs
-- about twice a bare insert: 60 against 30 microseconds of the database's time, measured in docs/benchmarks.md):
--   an insert, one row at a time: a PL/pgSQL row trigger adds 1 to its owner's slot and to the total's;
--   a delete, often many rows at once (a user's items go by cascade): a statement trigger sums them per owner and
--     slot and applies the sums in key order, so each slot is written once and two bulk deletes take their slots in
--     the same order (no deadlock between them);
--   an update that moves an item to another owner (never the API's): a row trigger, its WHEN clause keeping every
--     other update from calling it at all;
--   a TRUNCATE: every count goes.
-- An item's slot is the low 6 bits of its id's last byte (ItemCountsOnH2 takes the same).
CREATE FUNCTION ${flyway:defaultSchema}.item_counts_on_insert() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    item_slot SMALLINT := get_byte(uuid_send(NEW.id), 15) & 63;
BEGIN
    INSERT INTO ${flyway:defaultSchema}.item_counts AS c VALUES (NEW.owner_id, item_slot, 1)
        ON CONFLICT (owner_id, slot) DO UPDATE SET n = c.n + 1;
    INSERT INTO ${flyway:defaultSchema}.item_total AS t VALUES (item_slot, 1)
        ON CONFLICT (slot) DO UPDATE SET n = t.n + 1;
    RETURN NULL;
END $$;

CREATE FUNCTION ${flyway:defaultSchema}.item_counts_on_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ${flyway:defaultSchema}.item_counts AS c
        SELECT owner_id, get_byte(uuid_send(id), 15) & 63, -COUNT(*) FROM removed GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (owner_id, slot) DO UPDATE SET n = c.n + excluded.n;
    INSERT INTO ${flyway:defaultSchema}.item_total AS t
        SELECT get_byte(uuid_send(id), 15) & 63, -COUNT(*) FROM removed GROUP BY 1 ORDER BY 1
        ON CONFLICT (slot) DO UPDATE SET n = t.n + excluded.n;
    RETURN NULL;
END $$;

CREATE FUNCTION ${flyway:defaultSchema}.item_counts_on_owner_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE ${flyway:defaultSchema}.item_counts SET n = n - 1
        WHERE owner_id = OLD.owner_id AND slot = get_byte(uuid_send(OLD.id), 15) & 63;
    INSERT INTO ${flyway:defaultSchema}.item_counts AS c VALUES (NEW.owner_id, get_byte(uuid_send(NEW.id), 15) & 63, 1)
        ON CONFLICT (owner_id, slot) DO UPDATE SET n = c.n + 1;
    -- the total does not change
    RETURN NULL;
END $$;

CREATE FUNCTION ${flyway:defaultSchema}.item_counts_on_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM ${flyway:defaultSchema}.item_counts;
    DELETE FROM ${flyway:defaultSchema}.item_total;
    RETURN NULL;
END $$;

CREATE TRIGGER item_counts_on_insert AFTER INSERT ON item
    FOR EACH ROW EXECUTE FUNCTION ${flyway:defaultSchema}.item_counts_on_insert();
CREATE TRIGGER item_counts_on_delete AFTER DELETE ON item REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION ${flyway:defaultSchema}.item_counts_on_delete();
CREATE TRIGGER item_counts_on_owner_change AFTER UPDATE OF owner_id ON item
    FOR EACH ROW WHEN (OLD.owner_id IS DISTINCT FROM NEW.owner_id)
    EXECUTE FUNCTION ${flyway:defaultSchema}.item_counts_on_owner_change();
CREATE TRIGGER item_counts_on_truncate AFTER TRUNCATE ON item
    FOR EACH STATEMENT EXECUTE FUNCTION ${flyway:defaultSchema}.item_counts_on_truncate();

-- The items already there (an adopted template database); the triggers' lock on item keeps writers out meanwhile.
INSERT INTO ${flyway:defaultSchema}.item_counts
    SELECT owner_id, get_byte(uuid_send(id), 15) & 63, COUNT(*) FROM item GROUP BY 1, 2;
INSERT INTO ${flyway:defaultSchema}.item_total
    SELECT slot, SUM(n) FROM ${flyway:defaultSchema}.item_counts GROUP BY slot;
