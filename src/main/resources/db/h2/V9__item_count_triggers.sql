-- H2 keeps the counts of V8 with a row-level trigger written in Java (H2 has no procedural SQL); the embedded
-- database has one writer process, the service. Then the items already there are counted.
CREATE TRIGGER item_counts AFTER INSERT, UPDATE, DELETE ON item FOR EACH ROW
    CALL 'io.fullstackhelidon.features.items.ItemCountsOnH2';

INSERT INTO ${flyway:defaultSchema}.item_counts (owner_id, slot, n)
SELECT owner_id, slot, COUNT(*) FROM (
    -- the low 6 bits of the id's last byte, as the trigger takes them
    SELECT owner_id, MOD((POSITION(SUBSTRING(CAST(id AS VARCHAR), 35, 1), '0123456789abcdef') - 1) * 16
                         + POSITION(SUBSTRING(CAST(id AS VARCHAR), 36, 1), '0123456789abcdef') - 1, 64) AS slot
    FROM item) s
GROUP BY owner_id, slot;

INSERT INTO ${flyway:defaultSchema}.item_total (slot, n)
SELECT slot, SUM(n) FROM ${flyway:defaultSchema}.item_counts GROUP BY slot;
