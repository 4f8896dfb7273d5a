-- How many items each owner has, and how many there are in all, kept so that a page of the item list reads its
-- total from a few rows instead of counting the account on every page (one owner of 1,000,000 items: 65-90 ms per
-- first page). Each count is spread over 64 slots, chosen by the item's id, so that concurrent writers of one owner,
-- and of the total, seldom wait for the same row; the count is the sum of its slots. Kept by triggers on item
-- (V9, one per database): exact whoever writes, the template's backend and a DELETE CASCADE from "user" included.
CREATE TABLE ${flyway:defaultSchema}.item_counts (
    owner_id UUID     NOT NULL,
    slot     SMALLINT NOT NULL,
    n        BIGINT   NOT NULL,
    PRIMARY KEY (owner_id, slot)
);
CREATE TABLE ${flyway:defaultSchema}.item_total (
    slot SMALLINT PRIMARY KEY,
    n    BIGINT   NOT NULL
);
