-- When a user's earlier access tokens ended (password change or reset, deactivation, "log out everywhere"): tokens
-- issued before not_before are refused, except the one whose SHA-256 is kept_token_sha256. In the service's schema,
-- apart from the template's tables; a row goes with its user (UserRepository.delete).
CREATE TABLE ${flyway:defaultSchema}.token_revocations (
    user_id           UUID PRIMARY KEY,
    not_before        TIMESTAMP WITH TIME ZONE NOT NULL,
    kept_token_sha256 VARCHAR(64)
);
