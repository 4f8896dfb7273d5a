-- Refresh tokens (scope=offline_access): one row per token ever issued, kept as its SHA-256 only (the token never
-- rests in clear). A family is every token descended from one login; each use spends a token (spent_at) and issues
-- its successor in the same family, so a spent token presented again reveals a copy and ends the family. A row goes
-- with its user. In the service's schema, apart from the template's tables.
CREATE TABLE ${flyway:defaultSchema}.refresh_tokens (
    token_sha256      VARCHAR(64) PRIMARY KEY,
    family_id         UUID NOT NULL,
    user_id           UUID NOT NULL REFERENCES "${templateSchema}"."user" (id) ON DELETE CASCADE,
    family_started_at TIMESTAMP WITH TIME ZONE NOT NULL,
    issued_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    spent_at          TIMESTAMP WITH TIME ZONE
);
CREATE INDEX refresh_tokens_family ON ${flyway:defaultSchema}.refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user ON ${flyway:defaultSchema}.refresh_tokens (user_id, family_started_at);
