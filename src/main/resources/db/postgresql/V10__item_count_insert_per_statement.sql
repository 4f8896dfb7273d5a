-- Creates now come in batches (several items in one INSERT, GroupedWrites): the insert trigger of V9 becomes a
-- statement trigger like the delete's, which sums the statement's rows per owner and slot and applies the sums in key
-- order: one write per slot and batch, and every writer of the counts takes their rows in one order (counts by owner
-- and slot, then the total by slot), so that two batches never wait for each other. A one-row insert costs what the
-- row trigger cost (pgbench, docs/benchmarks.md).
CREATE FUNCTION ${flyway:defaultSchema}.item_counts_on_insert_statement() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO ${flyway:defaultSchema}.item_counts AS c
        SELECT owner_id, get_byte(uuid_send(id), 15) & 63, COUNT(*) FROM added GROUP BY 1, 2 ORDER BY 1, 2
        ON CONFLICT (owner_id, slot) DO UPDATE SET n = c.n + excluded.n;
    INSERT INTO ${flyway:defaultSchema}.item_total AS t
        SELECT get_byte(uuid_send(id), 15) & 63, COUNT(*) FROM added GROUP BY 1 ORDER BY 1
        ON CONFLICT (slot) DO UPDATE SET n = t.n + excluded.n;
    RETURN NULL;
END $$;

DROP TRIGGER item_counts_on_insert ON item;
DROP FUNCTION ${flyway:defaultSchema}.item_counts_on_insert();
CREATE TRIGGER item_counts_on_insert AFTER INSERT ON item REFERENCING NEW TABLE AS added
    FOR EACH STATEMENT EXECUTE FUNCTION ${flyway:defaultSchema}.item_counts_on_insert_statement();
